package redact_test

import "testing"

// foreignPasswordNames are "password" in other languages, as fields, env
// pairs and assignments write them.
var foreignPasswordNames = []string{
	"Passwort", "PASSWORT", "db_passwort", "Kennwort", "KENNWORT", "contraseña", "contrasena", "Contrasena_DB",
	"mot_de_passe", "motdepasse", "MOT_DE_PASSE", "senha", "SENHA_DB", "parola", "PAROLA", "db_parola", "dbParola",
	"wachtwoord", "WACHTWOORD", "lösenord", "losenord", "salasana", "hasło", "haslo", "HASLO",
	"пароль", "Пароль", "db_пароль", "パスワード", "密码",
}

// TestForeignPasswordNames: each name's value is redacted in every shape.
func TestForeignPasswordNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "Hunter2-v4lue"
	for _, name := range foreignPasswordNames {
		ins := append(fieldShapes(name, v), name+"="+v, "export "+name+"='"+v+"' && ./run", name+": "+v,
			`{"msg":"env `+name+`=`+v+`\nnext"}`, jsonf(`{"env":[{"name":%q,"value":%q}]}`, name, v),
			`{"cfg":"{\"`+name+`\": \"`+v+`\"}"}`, "data:\n  "+name+": "+v+"\n")
		requireScrubbed(t, r, v, ins...)
	}
}

// TestForeignLookAlikes: words that merely hold a foreign word's letters
// stay ("parola" only as a whole word).
func TestForeignLookAlikes(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r, `{"parolaccia":"x1","PAROLACCIA":"x2","paroladdress":"x3","senhals":"ok"}`,
		"parolaccia=x1 PAROLACCIA=x2", `{"sprachen":"de","nome":"mario","città":"Roma","名前":"太郎"}`,
		"имя=Иван", "ユーザー: tanaka")
}
