package hotline.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HotlineGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineGatewayApplication.class, args);
    }
}
