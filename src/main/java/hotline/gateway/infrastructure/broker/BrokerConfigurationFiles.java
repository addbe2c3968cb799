package hotline.gateway.infrastructure.broker;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.xml.parsers.DocumentBuilder;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.apache.activemq.artemis.utils.XmlProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads the broker's configuration folder (config/artemis) the way a standalone Artemis reads its etc/ folder.
 */
final class BrokerConfigurationFiles {

    /** JAAS domain of the standalone broker's bootstrap.xml ({@code <jaas-security domain="activemq"/>}). */
    static final String JAAS_DOMAIN = "activemq";

    static final String LOGIN_CONFIG = "login.config";
    static final String USERS_FILE = "artemis-users.properties";
    static final String ROLES_FILE = "artemis-roles.properties";

    private BrokerConfigurationFiles() {}

    /**
     * Parses broker.xml into a {@link FileConfiguration}, as Artemis's FileDeploymentManager does (system property
     * substitution, XInclude, schema validation), but with the file's own location as base URI, so an
     * {@code xi:include} with a relative href resolves next to broker.xml whatever the working directory.
     */
    static FileConfiguration loadBrokerXml(Path brokerXml) throws Exception {
        Path file = brokerXml.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Broker configuration " + file + " not found "
                    + "(hotline.broker.embedded.config / BROKER_CONFIG)");
        }
        String xml = XMLUtil.replaceSystemPropsInString(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Boolean> parserProperties = Map.of(
                XmlProvider.XINCLUDE_AWARE_PROPERTY, true,
                XmlProvider.NAMESPACE_AWARE_PROPERTY, true);
        DocumentBuilder parser = XmlProvider.newDocumentBuilder(null, parserProperties);
        InputSource source = new InputSource(new StringReader(xml));
        source.setSystemId(file.toUri().toString());
        Document document = parser.parse(source);
        replaceSystemProperties(document.getDocumentElement());

        FileConfiguration configuration = new FileConfiguration();
        NodeList cores = document.getDocumentElement().getElementsByTagName(configuration.getRootElement());
        if (cores.getLength() == 0) {
            throw new IllegalStateException(file + " has no <" + configuration.getRootElement() + "> element");
        }
        Element core = (Element) cores.item(0);
        XMLUtil.validate(core, configuration.getSchema());
        configuration.parse(core, file.toUri().toURL());
        return configuration;
    }

    /**
     * ${name:default} in the included files, as XMLUtil.replaceSystemPropsInXml does, in one pass over the tree (that
     * method indexes a live NodeList and takes a good part of a second on the generated security settings).
     */
    private static void replaceSystemProperties(Node node) {
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            NamedNodeMap attributes = node.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                if (attribute.getNodeValue().contains("${")) {
                    attribute.setNodeValue(XMLUtil.replaceSystemPropsInString(attribute.getNodeValue()));
                }
            }
        } else if (node.getNodeValue() != null && node.getNodeValue().contains("${")) {
            node.setNodeValue(XMLUtil.replaceSystemPropsInString(node.getNodeValue()));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            replaceSystemProperties(child);
        }
    }

    /**
     * The JAAS configuration of the broker: the {@value #JAAS_DOMAIN} domain of login.config in the given folder, the
     * same file a standalone broker uses, with {@code baseDir} set to that folder so its relative properties files
     * resolve there (the standalone broker gets that from -Djava.security.auth.login.config, which the gateway
     * does not need). Without a login.config: PropertiesLoginModule on artemis-users/-roles.properties.
     */
    static SecurityConfiguration loadJaas(Path configDir) {
        Path dir = configDir.toAbsolutePath().normalize();
        Path loginConfig = dir.resolve(LOGIN_CONFIG);
        AppConfigurationEntry[] entries;
        if (Files.isRegularFile(loginConfig)) {
            entries = readLoginConfig(loginConfig);
        } else {
            Map<String, Object> options = new HashMap<>();
            options.put("org.apache.activemq.jaas.properties.user", USERS_FILE);
            options.put("org.apache.activemq.jaas.properties.role", ROLES_FILE);
            options.put("reload", "true");
            entries = new AppConfigurationEntry[] {
                new AppConfigurationEntry(
                        PropertiesLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        options)
            };
        }
        AppConfigurationEntry[] withBaseDir = Arrays.stream(entries)
                .map(entry -> {
                    Map<String, Object> options = new HashMap<>(entry.getOptions());
                    options.putIfAbsent("baseDir", dir.toString());
                    return new AppConfigurationEntry(entry.getLoginModuleName(), entry.getControlFlag(), options);
                })
                .toArray(AppConfigurationEntry[]::new);
        for (AppConfigurationEntry entry : withBaseDir) {
            if (entry.getLoginModuleName().equals(PropertiesLoginModule.class.getName())) {
                requireFile(dir, entry.getOptions(), "org.apache.activemq.jaas.properties.user", USERS_FILE);
                requireFile(dir, entry.getOptions(), "org.apache.activemq.jaas.properties.role", ROLES_FILE);
            }
        }
        return new DomainConfiguration(withBaseDir);
    }

    private static AppConfigurationEntry[] readLoginConfig(Path loginConfig) {
        javax.security.auth.login.Configuration jaas;
        try {
            jaas = javax.security.auth.login.Configuration.getInstance(
                    "JavaLoginConfig", new URIParameter(loginConfig.toUri()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot read " + loginConfig + ": " + rootMessage(e), e);
        }
        AppConfigurationEntry[] entries = jaas.getAppConfigurationEntry(JAAS_DOMAIN);
        if (entries == null || entries.length == 0) {
            throw new IllegalStateException(loginConfig + " has no \"" + JAAS_DOMAIN + "\" login domain");
        }
        return entries;
    }

    private static void requireFile(Path dir, Map<String, ?> options, String option, String defaultName) {
        Object name = options.get(option);
        Path baseDir = Path.of(String.valueOf(options.get("baseDir")));
        Path file = baseDir.resolve(name == null ? defaultName : name.toString());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Broker security file " + file + " not found (from " + dir + ")");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Serves one JAAS domain, {@value #JAAS_DOMAIN}, from the entries read at start. */
    private static final class DomainConfiguration extends SecurityConfiguration {

        private final AppConfigurationEntry[] entries;

        DomainConfiguration(AppConfigurationEntry[] entries) {
            this.entries = entries;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return JAAS_DOMAIN.equals(name) ? entries.clone() : null;
        }
    }
}
