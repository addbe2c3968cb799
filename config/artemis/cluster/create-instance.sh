#!/usr/bin/env bash
# Makes one node of the broker pair from an Apache ActiveMQ Artemis 2.40 distribution:
#
#   config/artemis/cluster/create-instance.sh ARTEMIS_HOME INSTANCE_DIR
#
# runs `artemis create` (no web console, login required) and then puts the gateway's broker configuration in the
# instance's etc/: users, roles, login.config, security settings and addresses from config/artemis, and this
# folder's broker.xml, ha-primary.xml and ha-backup.xml. Both nodes get the same etc/; which node an instance is
# is told when it starts (docs/operations.md, ## Cluster):
#
#   JAVA_ARGS_APPEND="-Dhotline.cluster.role=primary -Dhotline.cluster.peer=backup \
#     -Dhotline.cluster.primary-url=tcp://10.0.0.1:61616 -Dhotline.cluster.backup-url=tcp://10.0.0.2:61616 \
#     -Dhotline.cluster.password=..." INSTANCE_DIR/bin/artemis run
#
# Run it again with the same INSTANCE_DIR to refresh etc/ after a change to config/artemis (the journal in data/
# stays).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 ARTEMIS_HOME INSTANCE_DIR" >&2
  exit 2
fi
artemis_home=$1
instance=$2
cluster_dir=$(cd "$(dirname "$0")" && pwd)
config_dir=$(dirname "$cluster_dir")

if [ ! -f "$instance/etc/broker.xml" ]; then
  # The admin user artemis create asks for is replaced by config/artemis's users file below.
  "$artemis_home/bin/artemis" create "$instance" --silent --no-web --require-login --nio \
    --user hotline-create --password "$(head -c 24 /dev/urandom | base64)" >/dev/null
fi

cp "$config_dir"/artemis-users.properties "$config_dir"/artemis-roles.properties "$config_dir"/login.config \
   "$config_dir"/security-settings.xml "$config_dir"/addresses.xml "$instance/etc/"
cp "$cluster_dir"/broker.xml "$cluster_dir"/ha-primary.xml "$cluster_dir"/ha-backup.xml "$instance/etc/"
echo "broker instance ready: $instance"
