package chcluster

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/credwatch/credwatch/chserver"
)

// Layout is a cluster's shape: Shards × Replicas nodes, node i in shard
// i/Replicas+1 as replica i%Replicas+1.
type Layout struct {
	Name     string // the cluster name in remote_servers
	Shards   int
	Replicas int
	// Database is each replica's default_database: the database a query
	// forwarded to it (a single shard's whole query, an IN subquery) reads
	// unqualified names in. Empty: the server's default.
	Database string
}

// Node is one clickhouse-server of the cluster.
type Node struct {
	Shard, Replica string // its macros
	cfg            chserver.Config
	srv            *chserver.Server
}

// Cluster is a running set of nodes sharing one ZooKeeper.
type Cluster struct {
	Layout Layout
	Nodes  []*Node
}

// Start starts Shards × Replicas clickhouse-server nodes with data under dir,
// each configured with the whole cluster, zk and its own macros.
func Start(ctx context.Context, dir string, zk *ZooKeeper, l Layout) (*Cluster, error) {
	c := &Cluster{Layout: l}
	for i := range l.Shards * l.Replicas {
		n, err := newNode(filepath.Join(dir, fmt.Sprintf("node%d", i+1)), i/l.Replicas+1, i%l.Replicas+1)
		if err != nil {
			return nil, err
		}
		c.Nodes = append(c.Nodes, n)
	}
	overrides := c.sharedConfig(zk)
	for _, n := range c.Nodes {
		n.cfg.Overrides = overrides + n.macros()
		n.cfg.UserOverrides = ProfileSettings
		if err := n.Start(ctx); err != nil {
			c.Stop()
			return nil, err
		}
	}
	return c, nil
}

func newNode(dir string, shard, replica int) (*Node, error) {
	n := &Node{Shard: fmt.Sprintf("%02d", shard), Replica: fmt.Sprintf("r%d", replica), cfg: chserver.Config{Dir: dir}}
	for _, p := range []*int{&n.cfg.TCPPort, &n.cfg.HTTPPort, &n.cfg.InterServer} {
		var err error
		if *p, err = chserver.FreePort(); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// Start (re)starts the node's server with its data and ports.
func (n *Node) Start(ctx context.Context) error {
	s, err := chserver.Start(ctx, n.cfg)
	if err != nil {
		return fmt.Errorf("start node shard %s replica %s: %w", n.Shard, n.Replica, err)
	}
	n.srv = s
	return nil
}

// Stop stops the node's server (SIGTERM, then SIGKILL after 10 s).
func (n *Node) Stop() {
	if n.srv != nil {
		n.srv.Stop()
		n.srv = nil
	}
}

// DSN is a credwatch DSN for database db on this node (without a cluster).
func (n *Node) DSN(db string) string {
	return fmt.Sprintf("clickhouse://127.0.0.1:%d/%s?http_port=%d", n.cfg.TCPPort, db, n.cfg.HTTPPort)
}

// Dir is where the node keeps its data and logs.
func (n *Node) Dir() string { return n.cfg.Dir }

// Stop stops every node.
func (c *Cluster) Stop() {
	for _, n := range c.Nodes {
		n.Stop()
	}
}
