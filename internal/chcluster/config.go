package chcluster

import (
	"fmt"
	"strings"
)

// sharedConfig is the config.d XML every node of the cluster carries: the
// cluster in remote_servers (internal_replication: a Distributed insert
// writes one replica and replication copies it), ZooKeeper, and the host
// name replicas give each other for fetching parts.
// Each replica names the default database forwarded queries read.
func (c *Cluster) sharedConfig(zk *ZooKeeper) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<remote_servers><%s>\n", c.Layout.Name)
	for s := range c.Layout.Shards {
		b.WriteString("<shard><internal_replication>true</internal_replication>\n")
		for r := range c.Layout.Replicas {
			n := c.Nodes[s*c.Layout.Replicas+r]
			fmt.Fprintf(&b, "<replica><host>127.0.0.1</host><port>%d</port>%s</replica>\n", n.cfg.TCPPort, c.defaultDatabase())
		}
		b.WriteString("</shard>\n")
	}
	fmt.Fprintf(&b, "</%s></remote_servers>\n", c.Layout.Name)
	fmt.Fprintf(&b, "<zookeeper><node><host>%s</host><port>%d</port></node>"+
		"<session_timeout_ms>10000</session_timeout_ms></zookeeper>\n", zk.Host(), zk.Port())
	b.WriteString("<interserver_http_host>127.0.0.1</interserver_http_host>\n")
	return b.String()
}

// defaultDatabase is a replica's default_database element, if any.
func (c *Cluster) defaultDatabase() string {
	if c.Layout.Database == "" {
		return ""
	}
	return "<default_database>" + c.Layout.Database + "</default_database>"
}

// macros is the node's own part: which shard it is in and its replica name.
func (n *Node) macros() string {
	return fmt.Sprintf("<macros><shard>%s</shard><replica>%s</replica></macros>\n", n.Shard, n.Replica)
}

// ProfileSettings is the users.d XML each node carries: the default
// profile's cluster settings credwatch cannot send to 18.16 over the native
// protocol (only integer settings travel there); and a user GrafanaUser,
// read-only as the README asks of Grafana's data source, whose profile
// sets the server's own defaults back (the default profile's settings are
// every user's defaults): no cluster setting reaches its queries.
const ProfileSettings = "<profiles><default><distributed_product_mode>global</distributed_product_mode>" +
	"<load_balancing>in_order</load_balancing></default><grafana><readonly>2</readonly><distributed_product_mode>deny</distributed_product_mode>" +
	"<load_balancing>random</load_balancing></grafana></profiles>" +
	"<users><" + GrafanaUser + "><password></password><networks><ip>::/0</ip></networks><profile>grafana</profile>" +
	"<quota>default</quota></" + GrafanaUser + "></users>"

// GrafanaUser is the read-only user of ProfileSettings.
const GrafanaUser = "grafana"
