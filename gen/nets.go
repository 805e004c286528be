package gen

// hosted is a datacenter network: an AS seen from a few sites.
type hosted struct {
	asn      uint32
	org      string
	sites    []place
	prefixes []string
}

// clouds is where CI and service accounts run, 24/7.
var clouds = []hosted{
	{16509, "AMAZON-02", []place{{"US", 39.04, -77.49, -300}}, []string{"3.80.0.0/12", "54.160.0.0/12"}},
	{16509, "AMAZON-02", []place{{"IE", 53.35, -6.26, 0}}, []string{"34.240.0.0/13", "52.208.0.0/13"}},
	{16509, "AMAZON-02", []place{{"DE", 50.11, 8.68, 60}}, []string{"3.120.0.0/14", "18.184.0.0/15"}},
	{15169, "GOOGLE", []place{{"US", 41.26, -95.86, -360}}, []string{"34.64.0.0/11", "35.184.0.0/13"}},
	{15169, "GOOGLE", []place{{"NL", 53.44, 6.83, 60}}, []string{"34.90.0.0/15"}},
	{8075, "MICROSOFT-CORP-MSN-AS-BLOCK", []place{{"US", 36.67, -78.39, -300}}, []string{"20.36.0.0/14", "40.76.0.0/14"}},
	{8075, "MICROSOFT-CORP-MSN-AS-BLOCK", []place{{"NL", 52.37, 4.90, 60}}, []string{"13.69.0.0/16", "20.50.0.0/16"}},
}

// platform is the platform's own infrastructure: Space builders and runtimes.
var platform = hosted{14618, "AMAZON-AES", []place{{"US", 39.04, -77.49, -300}},
	[]string{"3.208.0.0/12", "34.192.0.0/12", "54.80.0.0/13"}}

// vpns are commercial VPN and hosting exits users sometimes browse through.
var vpns = []hosted{
	{9009, "M247 Europe SRL", []place{{"RO", 44.43, 26.10, 120}, {"NL", 52.37, 4.90, 60}, {"GB", 51.51, -0.13, 0}, {"US", 40.71, -74.01, -300}},
		[]string{"146.70.0.0/16", "37.120.192.0/19"}},
	{212238, "Datacamp Limited", []place{{"GB", 51.51, -0.13, 0}, {"DE", 50.11, 8.68, 60}, {"US", 33.75, -84.39, -300}},
		[]string{"143.244.40.0/21", "185.59.220.0/22"}},
	{60068, "Datacamp Limited", []place{{"CH", 47.37, 8.54, 60}, {"SE", 59.33, 18.07, 60}, {"SG", 1.35, 103.82, 480}},
		[]string{"89.187.160.0/19", "195.181.160.0/20"}},
}
