package redact

import "strings"

// foreignWords are "password" in other languages, as a normalized name
// holds them (Passwort, Kennwort, contraseña, mot_de_passe, senha,
// wachtwoord, lösenord, salasana, hasło, пароль, パスワード, 密码). Only
// ASCII is lower-cased, so Пароль is matched by its lower-case tail.
var foreignWords = [...]string{
	"passwort", "kennwort", "contraseña", "contrasena", "motdepasse", "wachtwoord",
	"lösenord", "losenord", "salasana", "hasło", "haslo", "ароль", "パスワード", "密码", "密碼",
}

// foreignKeyWords are the literals that start the name scanner on a
// foreign name (see keyWords); "pass" already covers passwort and
// mot_de_passe. The automaton folds non-ASCII bytes (foldHigh): 密码
// stands for any run of six, which пароль, パスワード and 密碼 hold.
var foreignKeyWords = [...]string{
	"kennwort", "contrase", "senha", "wachtwoord", "senord", "salasana", "has\u0142o", "haslo", "parola", "密码",
}

// foreignShortWords are foreign words for a password that start other
// words too (parolaccia): they count only as a whole word of a name.
var foreignShortWords = [...]string{"parola", "senha"}

// foreignName reports whether name, normalized n, holds a foreign word for
// a password.
func foreignName[T ~string | ~[]byte](name T, n string) bool {
	for _, w := range foreignWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	for _, w := range foreignShortWords {
		if strings.Contains(n, w) && wholeWord(string(name), w) {
			return true
		}
	}
	return false
}

// wholeWord reports whether name holds the lower-case word w as one of its
// words: delimited by its ends, a non-letter or a camel-case boundary.
func wholeWord(name, w string) bool {
	for from := 0; from+len(w) <= len(name); {
		i := strings.Index(strings.ToLower(name[from:]), w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		before := i == 0 || !isLetter(name[i-1]) || isUpper(name[i]) && !isUpper(name[i-1])
		after := end == len(name) || !isLetter(name[end]) || isUpper(name[end]) && isLower(name[end-1])
		if before && after {
			return true
		}
		from = i + 1
	}
	return false
}

func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLetter(c byte) bool { return isLower(c) || isUpper(c) }
