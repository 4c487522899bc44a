package resolution

import "strings"

// memberStates are the names of the States Members of the United Nations,
// as the UN prints them in vote records, with a few older forms, the forms
// of sponsor lines and the observer States. They let a vote list be split where a name holds " and "
// ("United Kingdom of Great Britain and Northern Ireland").
var memberStates = []string{
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda",
	"Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain",
	"Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan",
	"Bolivia (Plurinational State of)", "Bosnia and Herzegovina", "Botswana", "Brazil",
	"Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia",
	"Cameroon", "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia",
	"Comoros", "Congo", "Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus",
	"Czechia", "Democratic People's Republic of Korea", "Democratic Republic of the Congo",
	"Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
	"El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia",
	"Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana",
	"Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti",
	"Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran (Islamic Republic of)",
	"Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan",
	"Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Lao People's Democratic Republic",
	"Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania",
	"Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
	"Marshall Islands", "Mauritania", "Mauritius", "Mexico",
	"Micronesia (Federated States of)", "Monaco", "Mongolia", "Montenegro", "Morocco",
	"Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands",
	"Netherlands (Kingdom of the)", "New Zealand", "Nicaragua", "Niger", "Nigeria",
	"North Macedonia", "Norway", "Oman", "Pakistan", "Palau", "Panama",
	"Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
	"Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation", "Rwanda",
	"Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa",
	"San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia",
	"Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands",
	"Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname",
	"Sweden", "Switzerland", "Syrian Arab Republic", "Tajikistan", "Thailand",
	"Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye",
	"Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates",
	"United Kingdom of Great Britain and Northern Ireland", "United Republic of Tanzania",
	"United States of America", "Uruguay", "Uzbekistan", "Vanuatu",
	"Venezuela (Bolivarian Republic of)", "Viet Nam", "Yemen", "Zambia", "Zimbabwe",
	// Older forms still found in vote records.
	"Czech Republic", "Swaziland", "The former Yugoslav Republic of Macedonia", "Turkey",
	"Cape Verde", "Republic of the Congo", "Serbia and Montenegro", "Yugoslavia",
	// The forms sponsor lines use.
	"Bolivarian Republic of Venezuela", "Kingdom of the Netherlands",
	"Plurinational State of Bolivia", "Islamic Republic of Iran",
	"Federated States of Micronesia",
	// Observer States.
	"Holy See", "State of Palestine",
}

var memberStateKeys = func() map[string]bool {
	m := make(map[string]bool, len(memberStates))
	for _, n := range memberStates {
		m[stateKey(n)] = true
	}
	return m
}()

// stateKey normalises a name for lookup: lower case, typographic
// apostrophes as ASCII, single spaces.
func stateKey(name string) string {
	name = strings.ReplaceAll(name, "’", "'")
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// isMemberState reports whether name is a known State name.
func isMemberState(name string) bool { return memberStateKeys[stateKey(name)] }
