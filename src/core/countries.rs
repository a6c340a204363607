//! The 193 member states of the United Nations, each mapped to exactly one UN regional group so
//! that results can be tallied without counting a state twice or dropping it.
//! Results break answers down by regional group, an established UN way of comparing parts of
//! the world, so each participant's country must land in one group and one group only.
//! A few states sit in two groups or in none; the choices made for them are explained in
//! `docs/countries.md`.

use serde::{Deserialize, Serialize};

/// A United Nations regional group, as used for tallies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RegionalGroup {
    /// Western European and Others Group.
    #[serde(rename = "weog")]
    Weog,
    /// Latin American and Caribbean Group.
    #[serde(rename = "grulac")]
    Grulac,
    /// Asia-Pacific Group (Group of Asia and the Pacific Small Island Developing States).
    #[serde(rename = "asia_pacific")]
    AsiaPacific,
    /// African Group.
    #[serde(rename = "african")]
    African,
    /// Eastern European Group.
    #[serde(rename = "eastern_european")]
    EasternEuropean,
}

impl RegionalGroup {
    /// Every group, in declaration order.
    pub const ALL: [RegionalGroup; 5] = [
        RegionalGroup::Weog,
        RegionalGroup::Grulac,
        RegionalGroup::AsiaPacific,
        RegionalGroup::African,
        RegionalGroup::EasternEuropean,
    ];

    /// Stable machine identifier; the same string serde uses.
    pub fn id(self) -> &'static str {
        match self {
            RegionalGroup::Weog => "weog",
            RegionalGroup::Grulac => "grulac",
            RegionalGroup::AsiaPacific => "asia_pacific",
            RegionalGroup::African => "african",
            RegionalGroup::EasternEuropean => "eastern_european",
        }
    }

    /// Full English name of the group.
    pub fn name(self) -> &'static str {
        match self {
            RegionalGroup::Weog => "Western European and Others Group",
            RegionalGroup::Grulac => "Latin American and Caribbean Group",
            RegionalGroup::AsiaPacific => "Asia-Pacific Group",
            RegionalGroup::African => "African Group",
            RegionalGroup::EasternEuropean => "Eastern European Group",
        }
    }

    /// Short English label for tables and charts.
    pub fn short(self) -> &'static str {
        match self {
            RegionalGroup::Weog => "WEOG",
            RegionalGroup::Grulac => "GRULAC",
            RegionalGroup::AsiaPacific => "Asia-Pacific",
            RegionalGroup::African => "African States",
            RegionalGroup::EasternEuropean => "EEG",
        }
    }

    /// The group whose [`id`](RegionalGroup::id) is `id` (exact match).
    pub fn from_id(id: &str) -> Option<Self> {
        RegionalGroup::ALL.into_iter().find(|g| g.id() == id)
    }
}

/// A UN member state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, upper case.
    pub code: &'static str,
    /// Short English name.
    pub name: &'static str,
    /// The one regional group the state is counted in.
    pub group: RegionalGroup,
}

const fn c(code: &'static str, name: &'static str, group: RegionalGroup) -> Country {
    Country { code, name, group }
}

use RegionalGroup::{African, AsiaPacific, EasternEuropean, Grulac, Weog};

/// The 193 UN member states, sorted by English name (ignoring case and accents).
///
/// THE ORDER IS PART OF THE SHARE-CODE FORMAT: a country is packed as its index in this list
/// (the number in the comment at the end of each line). Never reorder, insert or remove entries;
/// a country whose name changes keeps its position. A new member state can only be appended at
/// the end, and only in a new format version (the sortedness test must then stop at index 192).
///
/// Special cases (see `docs/countries.md`): the United States (WEOG observer), Türkiye (in both
/// Asia-Pacific and WEOG) and Israel are counted in WEOG; Kiribati (historically in no group) is
/// counted in Asia-Pacific.
pub static COUNTRIES: [Country; 193] = [
    c("AFG", "Afghanistan", AsiaPacific),                // 0
    c("ALB", "Albania", EasternEuropean),                // 1
    c("DZA", "Algeria", African),                        // 2
    c("AND", "Andorra", Weog),                           // 3
    c("AGO", "Angola", African),                         // 4
    c("ATG", "Antigua and Barbuda", Grulac),             // 5
    c("ARG", "Argentina", Grulac),                       // 6
    c("ARM", "Armenia", EasternEuropean),                // 7
    c("AUS", "Australia", Weog),                         // 8
    c("AUT", "Austria", Weog),                           // 9
    c("AZE", "Azerbaijan", EasternEuropean),             // 10
    c("BHS", "Bahamas", Grulac),                         // 11
    c("BHR", "Bahrain", AsiaPacific),                    // 12
    c("BGD", "Bangladesh", AsiaPacific),                 // 13
    c("BRB", "Barbados", Grulac),                        // 14
    c("BLR", "Belarus", EasternEuropean),                // 15
    c("BEL", "Belgium", Weog),                           // 16
    c("BLZ", "Belize", Grulac),                          // 17
    c("BEN", "Benin", African),                          // 18
    c("BTN", "Bhutan", AsiaPacific),                     // 19
    c("BOL", "Bolivia", Grulac),                         // 20
    c("BIH", "Bosnia and Herzegovina", EasternEuropean), // 21
    c("BWA", "Botswana", African),                       // 22
    c("BRA", "Brazil", Grulac),                          // 23
    c("BRN", "Brunei", AsiaPacific),                     // 24
    c("BGR", "Bulgaria", EasternEuropean),               // 25
    c("BFA", "Burkina Faso", African),                   // 26
    c("BDI", "Burundi", African),                        // 27
    c("CPV", "Cabo Verde", African),                     // 28
    c("KHM", "Cambodia", AsiaPacific),                   // 29
    c("CMR", "Cameroon", African),                       // 30
    c("CAN", "Canada", Weog),                            // 31
    c("CAF", "Central African Republic", African),       // 32
    c("TCD", "Chad", African),                           // 33
    c("CHL", "Chile", Grulac),                           // 34
    c("CHN", "China", AsiaPacific),                      // 35
    c("COL", "Colombia", Grulac),                        // 36
    c("COM", "Comoros", African),                        // 37
    c("COG", "Congo", African),                          // 38
    c("CRI", "Costa Rica", Grulac),                      // 39
    c("CIV", "Côte d'Ivoire", African),                  // 40
    c("HRV", "Croatia", EasternEuropean),                // 41
    c("CUB", "Cuba", Grulac),                            // 42
    // EU member, but in the Asia-Pacific Group.
    c("CYP", "Cyprus", AsiaPacific),        // 43
    c("CZE", "Czechia", EasternEuropean),   // 44
    c("DNK", "Denmark", Weog),              // 45
    c("DJI", "Djibouti", African),          // 46
    c("DMA", "Dominica", Grulac),           // 47
    c("DOM", "Dominican Republic", Grulac), // 48
    c("COD", "DR Congo", African),          // 49
    c("ECU", "Ecuador", Grulac),            // 50
    c("EGY", "Egypt", African),             // 51
    c("SLV", "El Salvador", Grulac),        // 52
    c("GNQ", "Equatorial Guinea", African), // 53
    c("ERI", "Eritrea", African),           // 54
    c("EST", "Estonia", EasternEuropean),   // 55
    c("SWZ", "Eswatini", African),          // 56
    c("ETH", "Ethiopia", African),          // 57
    c("FJI", "Fiji", AsiaPacific),          // 58
    c("FIN", "Finland", Weog),              // 59
    c("FRA", "France", Weog),               // 60
    c("GAB", "Gabon", African),             // 61
    c("GMB", "Gambia", African),            // 62
    c("GEO", "Georgia", EasternEuropean),   // 63
    c("DEU", "Germany", Weog),              // 64
    c("GHA", "Ghana", African),             // 65
    c("GRC", "Greece", Weog),               // 66
    c("GRD", "Grenada", Grulac),            // 67
    c("GTM", "Guatemala", Grulac),          // 68
    c("GIN", "Guinea", African),            // 69
    c("GNB", "Guinea-Bissau", African),     // 70
    c("GUY", "Guyana", Grulac),             // 71
    c("HTI", "Haiti", Grulac),              // 72
    c("HND", "Honduras", Grulac),           // 73
    c("HUN", "Hungary", EasternEuropean),   // 74
    c("ISL", "Iceland", Weog),              // 75
    c("IND", "India", AsiaPacific),         // 76
    c("IDN", "Indonesia", AsiaPacific),     // 77
    c("IRN", "Iran", AsiaPacific),          // 78
    c("IRQ", "Iraq", AsiaPacific),          // 79
    c("IRL", "Ireland", Weog),              // 80
    // Special case: WEOG member in New York; counted in WEOG.
    c("ISR", "Israel", Weog),            // 81
    c("ITA", "Italy", Weog),             // 82
    c("JAM", "Jamaica", Grulac),         // 83
    c("JPN", "Japan", AsiaPacific),      // 84
    c("JOR", "Jordan", AsiaPacific),     // 85
    c("KAZ", "Kazakhstan", AsiaPacific), // 86
    c("KEN", "Kenya", African),          // 87
    // Special case: historically in no group; counted in Asia-Pacific.
    c("KIR", "Kiribati", AsiaPacific),                    // 88
    c("KWT", "Kuwait", AsiaPacific),                      // 89
    c("KGZ", "Kyrgyzstan", AsiaPacific),                  // 90
    c("LAO", "Laos", AsiaPacific),                        // 91
    c("LVA", "Latvia", EasternEuropean),                  // 92
    c("LBN", "Lebanon", AsiaPacific),                     // 93
    c("LSO", "Lesotho", African),                         // 94
    c("LBR", "Liberia", African),                         // 95
    c("LBY", "Libya", African),                           // 96
    c("LIE", "Liechtenstein", Weog),                      // 97
    c("LTU", "Lithuania", EasternEuropean),               // 98
    c("LUX", "Luxembourg", Weog),                         // 99
    c("MDG", "Madagascar", African),                      // 100
    c("MWI", "Malawi", African),                          // 101
    c("MYS", "Malaysia", AsiaPacific),                    // 102
    c("MDV", "Maldives", AsiaPacific),                    // 103
    c("MLI", "Mali", African),                            // 104
    c("MLT", "Malta", Weog),                              // 105
    c("MHL", "Marshall Islands", AsiaPacific),            // 106
    c("MRT", "Mauritania", African),                      // 107
    c("MUS", "Mauritius", African),                       // 108
    c("MEX", "Mexico", Grulac),                           // 109
    c("FSM", "Micronesia", AsiaPacific),                  // 110
    c("MDA", "Moldova", EasternEuropean),                 // 111
    c("MCO", "Monaco", Weog),                             // 112
    c("MNG", "Mongolia", AsiaPacific),                    // 113
    c("MNE", "Montenegro", EasternEuropean),              // 114
    c("MAR", "Morocco", African),                         // 115
    c("MOZ", "Mozambique", African),                      // 116
    c("MMR", "Myanmar", AsiaPacific),                     // 117
    c("NAM", "Namibia", African),                         // 118
    c("NRU", "Nauru", AsiaPacific),                       // 119
    c("NPL", "Nepal", AsiaPacific),                       // 120
    c("NLD", "Netherlands", Weog),                        // 121
    c("NZL", "New Zealand", Weog),                        // 122
    c("NIC", "Nicaragua", Grulac),                        // 123
    c("NER", "Niger", African),                           // 124
    c("NGA", "Nigeria", African),                         // 125
    c("PRK", "North Korea", AsiaPacific),                 // 126
    c("MKD", "North Macedonia", EasternEuropean),         // 127
    c("NOR", "Norway", Weog),                             // 128
    c("OMN", "Oman", AsiaPacific),                        // 129
    c("PAK", "Pakistan", AsiaPacific),                    // 130
    c("PLW", "Palau", AsiaPacific),                       // 131
    c("PAN", "Panama", Grulac),                           // 132
    c("PNG", "Papua New Guinea", AsiaPacific),            // 133
    c("PRY", "Paraguay", Grulac),                         // 134
    c("PER", "Peru", Grulac),                             // 135
    c("PHL", "Philippines", AsiaPacific),                 // 136
    c("POL", "Poland", EasternEuropean),                  // 137
    c("PRT", "Portugal", Weog),                           // 138
    c("QAT", "Qatar", AsiaPacific),                       // 139
    c("ROU", "Romania", EasternEuropean),                 // 140
    c("RUS", "Russia", EasternEuropean),                  // 141
    c("RWA", "Rwanda", African),                          // 142
    c("KNA", "Saint Kitts and Nevis", Grulac),            // 143
    c("LCA", "Saint Lucia", Grulac),                      // 144
    c("VCT", "Saint Vincent and the Grenadines", Grulac), // 145
    c("WSM", "Samoa", AsiaPacific),                       // 146
    c("SMR", "San Marino", Weog),                         // 147
    c("STP", "Sao Tome and Principe", African),           // 148
    c("SAU", "Saudi Arabia", AsiaPacific),                // 149
    c("SEN", "Senegal", African),                         // 150
    c("SRB", "Serbia", EasternEuropean),                  // 151
    c("SYC", "Seychelles", African),                      // 152
    c("SLE", "Sierra Leone", African),                    // 153
    c("SGP", "Singapore", AsiaPacific),                   // 154
    c("SVK", "Slovakia", EasternEuropean),                // 155
    c("SVN", "Slovenia", EasternEuropean),                // 156
    c("SLB", "Solomon Islands", AsiaPacific),             // 157
    c("SOM", "Somalia", African),                         // 158
    c("ZAF", "South Africa", African),                    // 159
    c("KOR", "South Korea", AsiaPacific),                 // 160
    c("SSD", "South Sudan", African),                     // 161
    c("ESP", "Spain", Weog),                              // 162
    c("LKA", "Sri Lanka", AsiaPacific),                   // 163
    c("SDN", "Sudan", African),                           // 164
    c("SUR", "Suriname", Grulac),                         // 165
    c("SWE", "Sweden", Weog),                             // 166
    c("CHE", "Switzerland", Weog),                        // 167
    c("SYR", "Syria", AsiaPacific),                       // 168
    c("TJK", "Tajikistan", AsiaPacific),                  // 169
    c("TZA", "Tanzania", African),                        // 170
    c("THA", "Thailand", AsiaPacific),                    // 171
    c("TLS", "Timor-Leste", AsiaPacific),                 // 172
    c("TGO", "Togo", African),                            // 173
    c("TON", "Tonga", AsiaPacific),                       // 174
    c("TTO", "Trinidad and Tobago", Grulac),              // 175
    c("TUN", "Tunisia", African),                         // 176
    // Special case: in both Asia-Pacific and WEOG, votes with WEOG; counted in WEOG.
    c("TUR", "Türkiye", Weog),                     // 177
    c("TKM", "Turkmenistan", AsiaPacific),         // 178
    c("TUV", "Tuvalu", AsiaPacific),               // 179
    c("UGA", "Uganda", African),                   // 180
    c("UKR", "Ukraine", EasternEuropean),          // 181
    c("ARE", "United Arab Emirates", AsiaPacific), // 182
    c("GBR", "United Kingdom", Weog),              // 183
    // Special case: observer in WEOG; counted in WEOG.
    c("USA", "United States", Weog),     // 184
    c("URY", "Uruguay", Grulac),         // 185
    c("UZB", "Uzbekistan", AsiaPacific), // 186
    c("VUT", "Vanuatu", AsiaPacific),    // 187
    c("VEN", "Venezuela", Grulac),       // 188
    c("VNM", "Vietnam", AsiaPacific),    // 189
    c("YEM", "Yemen", AsiaPacific),      // 190
    c("ZMB", "Zambia", African),         // 191
    c("ZWE", "Zimbabwe", African),       // 192
];

/// The country with ISO 3166-1 alpha-3 code `code`, ignoring ASCII case.
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Position of the country with alpha-3 code `code` (ignoring ASCII case) in [`COUNTRIES`]; this
/// is the number the share code stores.
pub fn index_of(code: &str) -> Option<usize> {
    COUNTRIES.iter().position(|c| c.code.eq_ignore_ascii_case(code))
}

/// The regional group the country with alpha-3 code `code` is counted in.
pub fn group_of(code: &str) -> Option<RegionalGroup> {
    by_code(code).map(|c| c.group)
}

#[cfg(test)]
mod tests;
