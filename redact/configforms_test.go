package redact_test

import (
	"strings"
	"testing"
)

// TestConfigFileForms: secrets in the shapes configuration files and SDK
// calls give them — Java's properties XML, Spring's <value>, Elastic
// Beanstalk option settings, PHP's define(), setenv-like calls,
// wpa_supplicant's psk, kubeadm's certificateKey, Azure Functions' key
// header — each with other names and quoting, bare and in a JSON string;
// the same forms naming no secret stay.
func TestConfigFileForms(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, v := range []string{"Zk29xLmq7Tt", "q8#Lw!2vN0"} {
		for _, text := range []string{
			`<properties><entry key="db.url">jdbc:postgresql://db/app</entry><entry key="db.password">` + v + `</entry></properties>`,
			`<entry key='smtp.secret'>` + v + `</entry>`,
			`<property name="password"><value>` + v + `</value></property>`,
			`{"optionSettings":[{"namespace":"aws:elasticbeanstalk:application:environment","optionName":"DB_PASSWORD","value":"` + v + `"}]}`,
			`{"OptionSettings":[{"Value":"` + v + `","OptionName":"API_TOKEN","Namespace":"aws:elasticbeanstalk:application:environment"}]}`,
			"define( 'DB_PASSWORD', '" + v + "' );",
			`define("AUTH_KEY", "` + v + `");`,
			`os.Setenv("API_TOKEN", "` + v + `")`,
			`setenv("DB_PASSWORD", "` + v + `", 1);`,
			`System.setProperty("javax.net.ssl.keyStorePassword", "` + v + `");`,
			"network={\n    ssid=\"corp\"\n    psk=\"" + v + "\"\n}",
			"apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\ncertificateKey: " + v + "\n",
			`{"http_headers":[{"name":"x-functions-key","value":"` + v + `"}]}`,
		} {
			requireScrubbed(t, r, v, text, `{"file":"`+strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(text)+`"}`)
		}
	}
	requireUntouched(t, r, `<entry key="db.url">jdbc:postgresql://db/app</entry>`,
		`{"OptionSettings":[{"OptionName":"InstanceType","Value":"t3.small"}]}`, `define('WP_DEBUG', false);`,
		`os.Setenv("LOG_LEVEL", "debug")`, "network={\n    ssid=\"corp\"\n    key_mgmt=WPA-PSK\n}")
}
