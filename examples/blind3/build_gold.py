#!/usr/bin/env python3
"""Writes gold.json for the blind3 set. Edit here, re-run, then run check_gold.py."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
D1 = "01_mali-cuts-ties-with-ukraine.txt"
D2 = "02_us-sanctions-malian-officers-over-wagner.txt"
D3 = "03_jnim-after-the-bamako-attack.txt"
D4 = "04_pont-sonde-massacre.txt"
D5 = "05_viv-ansanm-and-gran-grif-designated.txt"
D6 = "06_400-mawozo-leader-sentenced-to-life.txt"
D7 = "07_palma-attack-incident-bulletin.txt"
D8 = "08_cabo-delgado-rwanda-and-samim.txt"
DOCS = [D1, D2, D3, D4, D5, D6, D7, D8]

E = []
def ent(key, type_, names, kind=None, accept=None, optional=False):
    e = {"key": key, "type": type_, "names": names}
    if kind: e["kind"] = kind
    if accept: e["accept"] = accept
    if optional: e["optional"] = True
    E.append(e)

def org(key, names, kind, accept=None, optional=False): ent(key, "organization", names, kind, accept, optional)
def per(key, names, accept=None, optional=False): ent(key, "person", names, None, accept, optional)
def cty(key, names, accept=None, optional=False): ent(key, "country", names, None, accept, optional)
def plc(key, names, accept=None, optional=False): ent(key, "place", names, None, accept, optional)

# ---------------- countries (all clusters)
cty("mali", ["Mali"], ["Bamako", "Republic of Mali"])
cty("ukraine", ["Ukraine"], ["Kyiv", "Kiev"])
cty("russia", ["Russia"], ["Moscow", "Kremlin", "Russian Federation"])
cty("senegal", ["Senegal"], ["Dakar"])
cty("burkina_faso", ["Burkina Faso"])
cty("niger", ["Niger"], ["Niamey"])
cty("france", ["France"], ["Paris"])
cty("usa", ["United States", "US"], ["U.S.", "USA", "United States of America", "America"])
cty("uk", ["United Kingdom"], ["UK", "Britain", "U.K."])
cty("sudan", ["Sudan"], optional=True)
cty("car", ["Central African Republic"], ["CAR"], optional=True)
cty("haiti", ["Haiti"], ["Republic of Haiti"])
cty("kenya", ["Kenya"], ["Nairobi"], optional=True)
cty("mozambique", ["Mozambique"], ["Maputo", "Republic of Mozambique"])
cty("rwanda", ["Rwanda"], ["Kigali"])
cty("botswana", ["Botswana"])
cty("south_africa", ["South Africa"], ["Pretoria"])
cty("zimbabwe", ["Zimbabwe"])

# ---------------- cluster S: Mali
org("wagner", ["Wagner Group", "Wagner"], "armed_group", ["Wagner PMC", "PMC Wagner", "the Wagner Group"])
org("csp_dpa", ["Strategic Framework for the Defence of the People of Azawad", "CSP-DPA", "CSP"], "armed_group",
    ["Strategic Framework for the Defense of the People of Azawad", "Cadre Stratégique pour la Défense du Peuple de l'Azawad", "CSP DPA"])
org("jnim", ["Jama'at Nusrat al-Islam wal-Muslimin", "Jama'at Nasr al-Islam wal-Muslimin", "JNIM",
             "Group for the Support of Islam and Muslims", "GSIM"], "armed_group",
    ["Jama'a Nusrat ul-Islam wa al-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin", "Support Group for Islam and Muslims"])
org("al_qaeda", ["al-Qaeda"], "armed_group", ["al Qaeda", "al-Qaida", "Al Qaida"])
org("aqim", ["al-Qaeda in the Islamic Maghreb", "AQIM"], "armed_group", ["al-Qaida in the Islamic Maghreb"])
org("ansar_dine", ["Ansar Dine"], "armed_group", ["Ansar Eddine", "Ansar al-Din"])
org("katiba_macina", ["Katiba Macina"], "armed_group", ["Macina Liberation Front", "Katiba Massina"])
org("al_mourabitoun", ["al-Mourabitoun"], "armed_group", ["al-Murabitun", "Al Mourabitoune"])
org("aes", ["Alliance of Sahel States"], "coalition", ["AES"])
org("minusma", ["MINUSMA"], "other", ["UN mission MINUSMA", "UN mission"])
org("mali_army", ["Malian army"], "government", ["Malian armed forces", "FAMa", "army", "general staff"], optional=True)
org("mali_air_force", ["Malian Air Force"], "government", ["Air Force", "Mali's Air Force"])
org("hur", ["Ukraine's military intelligence agency"], "government",
    ["HUR", "Main Intelligence Directorate", "GUR", "Ukrainian military intelligence"], optional=True)
org("ukraine_mfa", ["Ukraine's foreign ministry"], "government", ["Ukrainian foreign ministry"], optional=True)
org("senegal_mfa", ["Senegal's foreign ministry"], "government", ["Senegalese foreign ministry"], optional=True)
org("us_treasury", ["US Treasury Department", "Treasury"], "government",
    ["Treasury Department", "US Treasury", "U.S. Treasury", "Department of the Treasury"])
org("ofac", ["Office of Foreign Assets Control", "OFAC"], "government")
org("hrw", ["Human Rights Watch"], "other", ["HRW"])
org("un", ["UN"], "other", ["United Nations", "U.N.", "UN panel of experts", "UN investigators"])
org("ohchr", ["UN human rights office"], "other",
    ["Office of the High Commissioner for Human Rights", "OHCHR", "UN Human Rights Office", "UN rights office"], optional=True)
org("sahel_wire", ["Sahel Wire Service"], "media", optional=True)
org("harmattan", ["Harmattan Compliance Bulletin"], "media", optional=True)
org("niger_bend", ["Niger Bend Policy Institute"], "media")
per("abdoulaye_maiga", ["Abdoulaye Maiga"], ["Abdoulaye Maïga", "Maiga", "Maïga"])
per("yusov", ["Andriy Yusov", "Yusov"], ["Andrii Yusov", "Andriy Usov"])
per("ramadane", ["Mohamed Elmaouloud Ramadane"], ["Ramadane", "Mohamed Elmaouloud Ramadan"])
per("pyvovarov", ["Yurii Pyvovarov", "Pyvovarov"], ["Yuri Pivovarov", "Yurii Pivovarov"])
per("goita", ["Assimi Goita", "Assimi Goïta"], ["Goita", "Goïta"])
per("camara", ["Sadio Camara", "Camara"])
per("alou_boi_diarra", ["Alou Boi Diarra"], ["Diarra", "Alou Boy Diarra"])
per("bagayoko", ["Adama Bagayoko", "Bagayoko"])
per("nelson", ["Brian Nelson"], ["Nelson", "Brian E. Nelson"])
per("oumar_diarra", ["Oumar Diarra"])
per("iyad", ["Iyad Ag Ghali"], ["Iyad ag Ghaly", "Ag Ghali", "Iyad Ag Ghaly"])
per("koufa", ["Amadou Koufa"], ["Koufa", "Amadou Kouffa"])
per("kone_vallet", ["Idrissa Koné-Vallet"], optional=True)
per("amsel", ["Ruth Amsel"], optional=True)
per("dembele_hart", ["Salif Dembélé-Hart"])
plc("bamako", ["Bamako"])
plc("tinzaouaten", ["Tinzaouaten", "Tin Zaouatene"], ["Tinzawatene", "Tin-Zaouatene", "Tinzaoutene"])
plc("kidal", ["Kidal"])
plc("azawad", ["Azawad"], optional=True)
plc("dakar", ["Dakar"], optional=True)
plc("faladie", ["Faladie"], ["Faladié", "Faladie district"])
plc("radisson_blu", ["Radisson Blu"], ["Radisson Blu hotel"], optional=True)
plc("moura", ["Moura"])
plc("mopti", ["Mopti"], ["Mopti region"])
plc("sahel", ["Sahel"], optional=True)

# ---------------- cluster H: Haiti
org("gran_grif", ["Gran Grif"], "armed_group", ["Gran Grif gang", "Grand Grif"])
org("viv_ansanm", ["Viv Ansanm"], "coalition", ["Viv Ansanm coalition", "Vivre Ensemble"])
org("g9", ["G9 an Fanmi e Alye"], "armed_group", ["G9", "G9 Family and Allies", "G-9"])
org("g_pep", ["G-Pèp"], "armed_group", ["G-Pep", "GPep", "G Pèp"])
org("mawozo", ["400 Mawozo"], "armed_group", ["400 Mawozo gang"])
org("gran_ravine", ["Gran Ravine"], "armed_group", ["Grand Ravine"])
org("cinq_segond", ["5 Segond"], "armed_group", ["5 Seconds", "Cinq Secondes", "5 Segonn"])
org("mss", ["Multinational Security Support mission", "Multinational Security Support"], "coalition",
    ["MSS", "Multinational Security Support Mission", "Kenyan-led Multinational Security Support mission", "security mission"])
org("iom", ["International Organization for Migration"], "other", ["IOM"])
org("hnp", ["Haitian National Police"], "government", ["HNP", "PNH"])
org("christian_aid_ministries", ["Christian Aid Ministries"], "religious", ["CAM"])
org("us_state_dept", ["US State Department", "State Department"], "government",
    ["Department of State", "U.S. State Department"])
org("us_district_court_dc", ["US District Court for the District of Columbia"], "government",
    ["District Court for the District of Columbia", "U.S. District Court"], optional=True)
org("antilles_daily", ["Antilles Daily Report"], "media", optional=True)
org("port_watch", ["Port Watch Sanctions Brief"], "media", optional=True)
org("federal_court_watch", ["Federal Court Watch"], "media", optional=True)
per("luckson_elan", ["Luckson Elan"], ["Elan", "Luckson Élan", "Luckson"])
per("prophane_victor", ["Prophane Victor"], ["Victor"])
per("myriam_fievre", ["Myriam Fièvre"], ["Fièvre", "Myriam Fievre"])
per("al_kheetan", ["Thameen Al-Kheetan"], ["Al-Kheetan", "Thameen al-Kheetan"])
per("garry_conille", ["Garry Conille"], ["Conille"])
per("guterres", ["António Guterres"], ["Guterres", "Antonio Guterres"])
per("rubio", ["Marco Rubio", "Rubio"])
per("cherizier", ["Jimmy \"Barbecue\" Chérizier", "Chérizier"],
    ["Jimmy Chérizier", "Jimmy Cherizier", "Barbecue", "Barbecue Chérizier"])
per("gabriel_jean_pierre", ["Gabriel Jean-Pierre"], ["Ti Gabriel"])
per("ariel_henry", ["Ariel Henry", "Henry"])
per("wilson_joseph", ["Wilson Joseph", "Joseph Wilson", "Lanmò Sanjou", "Lanmo Sanjou"], ["Wilson", "Lanmò San Jou"])
per("joly", ["Germine Joly", "Yonyon", "Joly"], ["Germine \"Yonyon\" Joly"])
per("john_bates", ["John D. Bates"], ["Bates", "John Bates", "Judge Bates"])
per("liszt_quitel", ["Liszt Quitel"], ["Quitel"])
per("jeanine_pirro", ["Jeanine Pirro"], ["Pirro"])
plc("pont_sonde", ["Pont-Sondé", "Pont Sondé"], ["Pont-Sonde", "Pont Sonde"])
plc("artibonite", ["Artibonite"], ["Artibonite department", "Artibonite river"])
plc("saint_marc", ["Saint-Marc"], ["St-Marc", "Saint Marc"])
plc("petite_riviere", ["Petite-Rivière-de-l'Artibonite"], ["Petite-Riviere-de-l'Artibonite", "Petite Rivière de l'Artibonite"])
plc("port_au_prince", ["Port-au-Prince"])
plc("la_saline", ["La Saline"])
plc("national_penitentiary", ["National Penitentiary"], ["Haiti's National Penitentiary"])
plc("croix_des_bouquets", ["Croix-des-Bouquets"])
plc("florida", ["Florida"], optional=True)
plc("washington_dc", ["Washington"], ["Washington, D.C."], optional=True)
plc("ohio", ["Ohio"], optional=True)

# ---------------- cluster M: Mozambique
org("aswj", ["al-Shabaab", "Ansar al-Sunna", "Ahlu Sunnah Wa-Jamo", "ISIS-Mozambique"], "armed_group",
    ["Ansar al-Sunnah", "Ahlu Sunnah Wal Jamaa", "Ahl al-Sunna wal-Jama'a", "ASWJ", "IS-Mozambique",
     "Islamic State Mozambique", "Islamic State-Mozambique", "al-Shabab", "Al-Shabab"])
org("iscap", ["Central Africa Province", "ISCAP"], "armed_group",
    ["Islamic State Central Africa Province", "Islamic State's Central Africa Province", "Wilayat Wasat Ifriqiya"])
org("islamic_state", ["Islamic State"], "armed_group", ["IS", "ISIS", "ISIL", "Daesh"])
org("amaq", ["Amaq"], "media", ["Amaq news agency", "Amaq News Agency"])
org("dag", ["Dyck Advisory Group"], "company", ["DAG"])
org("total", ["Total"], "company", ["TotalEnergies", "Total SE"])
org("mozambique_lng", ["Mozambique LNG"], "company", ["Mozambique LNG project"], optional=True)
org("moz_defence_ministry", ["Mozambique's defence ministry"], "government",
    ["defence ministry", "Mozambican defence ministry", "Ministry of National Defence"], optional=True)
org("sadc", ["Southern African Development Community", "SADC"], "coalition")
org("samim", ["SADC Mission in Mozambique", "SAMIM"], "coalition", ["SADC standby force"])
org("rdf", ["Rwanda Defence Force"], "government", ["RDF", "Rwandan army", "Rwanda Defense Force"])
org("acled", ["Armed Conflict Location & Event Data Project", "ACLED"], "other",
    ["Armed Conflict Location and Event Data Project"])
org("unhcr", ["UN refugee agency"], "other", ["UNHCR", "United Nations High Commissioner for Refugees"], optional=True)
org("rovuma", ["Rovuma Risk Monitor"], "media", optional=True)
org("iosf", ["Indian Ocean Security Forum"], "media")
per("adrian_nel", ["Adrian Nel"], ["Nel"])
per("saranga", ["Omar Saranga"], ["Saranga"])
per("abu_yasir_hassan", ["Abu Yasir Hassan", "Hassan"], ["Abu Yassir Hassan"])
per("bonomade", ["Bonomade Machude Omar", "Ibn Omar"], ["Omar", "Abu Sulayfa Muhammad", "Bonomade Omar"])
per("nyusi", ["Filipe Nyusi"], ["Nyusi"])
per("kagame", ["Paul Kagame"], ["Kagame"])
per("rwivanga", ["Ronald Rwivanga", "Rwivanga"])
per("muhizi", ["Pascal Muhizi"], ["Muhizi"])
per("ramaphosa", ["Cyril Ramaphosa"], ["Ramaphosa"])
per("lutchmun_sato", ["Fernanda Lutchmun-Sato"])
plc("cabo_delgado", ["Cabo Delgado"], ["Cabo Delgado province"])
plc("palma", ["Palma"], ["Palma district", "Palma town"])
plc("afungi", ["Afungi"], ["Afungi LNG site", "Afungi site"])
plc("amarula", ["Amarula Palma hotel", "Amarula hotel"], ["Hotel Amarula", "Amarula Lodge", "Amarula"])
plc("mocimboa", ["Mocímboa da Praia", "Mocimboa da Praia"], ["Mocimboa"])
plc("pemba", ["Pemba"])
plc("nangade", ["Nangade"])
plc("macomia", ["Macomia"])
plc("maputo", ["Maputo"])
plc("kigali", ["Kigali"])

# ================= relations
R = []
def rel(s, p, o, docs, optional=False, note=None):
    r = {"s": s, "p": p, "o": o, "docs": docs}
    if optional: r["optional"] = True
    if note: r["note"] = note
    R.append(r)

# S
rel("goita", "leader_of", "mali", [D1, D3])
rel("abdoulaye_maiga", "member_of", "mali", [D1], optional=True, note="government spokesman")
rel("yusov", "member_of", "hur|ukraine", [D1, D3], note="spokesman for Ukraine's military intelligence agency")
rel("hur", "member_of", "ukraine", [D1], optional=True)
rel("ramadane", "member_of|leader_of", "csp_dpa", [D1], note="the CSP's spokesman")
rel("pyvovarov", "member_of", "ukraine", [D1], optional=True, note="Ukraine's ambassador in Dakar")
rel("pyvovarov", "based_in", "senegal|dakar", [D1], optional=True)
rel("wagner", "sponsored_by", "russia", [D1], note="Kremlin-backed Wagner Group")
rel("wagner", "allied_with", "mali|mali_army", [D1, D2, D3], note="fought alongside Malian troops")
rel("wagner", "operates_in", "mali", [D1, D2, D3])
rel("wagner", "operates_in|based_in", "sudan|car", [D2], optional=True)
rel("jnim", "member_of", "al_qaeda", [D1, D3], note="al-Qaeda's affiliate in the Sahel; pledged allegiance")
rel("jnim", "operates_in", "mali", [D3])
rel("jnim", "operates_in", "burkina_faso", [D3])
rel("jnim", "operates_in", "niger", [D3], optional=True, note="pushed into western Niger")
rel("jnim", "operates_in", "sahel", [D1], optional=True)
rel("jnim", "opposes", "mali|mali_army", [D3], optional=True)
rel("csp_dpa", "opposes", "mali|mali_army", [D1], note="has been fighting the army")
rel("csp_dpa", "opposes", "wagner", [D1], optional=True)
rel("csp_dpa", "operates_in|based_in", "azawad|kidal|tinzaouaten", [D1], optional=True)
rel("ansar_dine", "member_of", "jnim", [D3])
rel("katiba_macina", "member_of", "jnim", [D3])
rel("al_mourabitoun", "member_of", "jnim", [D3])
rel("aqim", "member_of", "jnim", [D3], optional=True, note="only AQIM's Sahara branch merged")
rel("aqim", "member_of", "al_qaeda", [D3], optional=True)
rel("iyad", "leader_of", "jnim", [D3])
rel("iyad", "founder_of", "ansar_dine", [D3])
rel("iyad", "leader_of", "ansar_dine", [D3], optional=True)
rel("koufa", "leader_of", "katiba_macina", [D3])
rel("koufa", "member_of|leader_of", "jnim", [D3], note="Ag Ghali's deputy")
rel("koufa", "associate_of", "iyad", [D3], optional=True)
rel("mali", "member_of", "aes", [D1, D3])
rel("burkina_faso", "member_of", "aes", [D1, D3])
rel("niger", "member_of", "aes", [D1, D3])
rel("camara", "member_of|leader_of", "mali", [D2], note="Minister of Defence")
rel("camara", "allied_with", "wagner", [D2], optional=True)
rel("alou_boi_diarra", "leader_of", "mali_air_force", [D2])
rel("bagayoko", "member_of|leader_of", "mali_air_force", [D2], note="Deputy Chief of Staff")
rel("mali_air_force", "member_of", "mali|mali_army", [D2], optional=True)
rel("ofac", "member_of", "us_treasury", [D2], optional=True)
rel("nelson", "member_of", "us_treasury", [D2])
rel("oumar_diarra", "leader_of", "mali_army|mali", [D3], note="chief of the general staff")
rel("mali", "opposes", "ukraine", [D1, D3], optional=True)
rel("mali", "allied_with", "russia", [D1, D3], optional=True, note="its Russian allies / relies on Russian partners")
rel("minusma", "member_of", "un", [D3], optional=True)
rel("minusma", "operates_in", "mali", [D3], optional=True)
rel("dembele_hart", "member_of", "niger_bend", [D3])
rel("kone_vallet", "member_of", "sahel_wire", [D1], optional=True)
# H
rel("luckson_elan", "leader_of", "gran_grif", [D4, D5])
rel("gran_grif", "sponsored_by", "prophane_victor", [D4], note="former deputy began arming the young men the gang grew out of (UN experts)")
rel("prophane_victor", "based_in|operates_in", "petite_riviere", [D4], optional=True)
rel("gran_grif", "operates_in|based_in", "artibonite", [D4, D5])
rel("gran_grif", "operates_in", "pont_sonde|haiti", [D4], optional=True)
rel("viv_ansanm", "operates_in|based_in", "port_au_prince", [D4, D5])
rel("viv_ansanm", "operates_in", "haiti", [D5], optional=True)
rel("g9", "member_of", "viv_ansanm", [D5])
rel("g_pep", "member_of", "viv_ansanm", [D5])
rel("mawozo", "member_of", "viv_ansanm", [D5, D6])
rel("gran_ravine", "member_of", "viv_ansanm", [D5])
rel("cinq_segond", "member_of", "viv_ansanm", [D5])
rel("g9", "opposes", "g_pep", [D5], optional=True, note="'the two rival federations'")
rel("cherizier", "leader_of", "g9", [D5])
rel("cherizier", "leader_of|member_of", "viv_ansanm", [D5], note="its public face")
rel("cherizier", "member_of", "hnp", [D5], optional=True, note="former police officer")
rel("gabriel_jean_pierre", "leader_of", "g_pep", [D5])
rel("wilson_joseph", "leader_of", "mawozo", [D5, D6])
rel("joly", "leader_of", "mawozo", [D5, D6])
rel("joly", "associate_of", "wilson_joseph", [D6], note="his cousin and former second-in-command")
rel("mawozo", "operates_in|based_in", "croix_des_bouquets", [D6])
rel("mawozo", "operates_in", "port_au_prince", [D6], optional=True)
rel("myriam_fievre", "leader_of", "saint_marc", [D4])
rel("al_kheetan", "member_of", "ohchr|un", [D4])
rel("ohchr", "member_of", "un", [D4], optional=True)
rel("garry_conille", "leader_of", "haiti", [D4])
rel("ariel_henry", "leader_of", "haiti", [D5])
rel("guterres", "leader_of", "un", [D4])
rel("mss", "operates_in", "port_au_prince|haiti", [D4, D5])
rel("kenya", "leader_of|member_of", "mss", [D4, D5], optional=True, note="Kenyan-led")
rel("mss", "sponsored_by", "kenya", [D4, D5], optional=True)
rel("rubio", "member_of|leader_of", "us_state_dept|usa", [D5], note="Secretary of State")
rel("john_bates", "member_of", "us_district_court_dc", [D6], optional=True)
rel("liszt_quitel", "member_of", "haiti", [D6], optional=True, note="Haiti's justice minister at the time")
rel("jeanine_pirro", "member_of|leader_of", "usa", [D6], optional=True, note="US Attorney for DC")
rel("christian_aid_ministries", "based_in", "ohio", [D6], optional=True)
# M
rel("aswj", "member_of", "iscap|islamic_state", [D7, D8], note="IS presents them as part of its Central Africa Province")
rel("iscap", "member_of", "islamic_state", [D7, D8])
rel("aswj", "operates_in", "cabo_delgado", [D7, D8])
rel("aswj", "based_in|operates_in", "mocimboa", [D7, D8], note="held the town since August 2020")
rel("aswj", "operates_in", "palma", [D7, D8], optional=True)
rel("aswj", "operates_in", "macomia|nangade", [D8], optional=True)
rel("aswj", "operates_in", "mozambique", [D7, D8], optional=True)
rel("aswj", "opposes", "mozambique", [D7, D8], optional=True)
rel("abu_yasir_hassan", "leader_of", "aswj", [D7, D8])
rel("bonomade", "member_of|leader_of", "aswj", [D8])
rel("bonomade", "associate_of", "abu_yasir_hassan", [D8], optional=True)
rel("amaq", "member_of", "islamic_state", [D7], optional=True)
rel("saranga", "member_of", "mozambique|moz_defence_ministry", [D7, D8], note="defence ministry spokesman")
rel("nyusi", "leader_of", "mozambique", [D7, D8])
rel("kagame", "leader_of", "rwanda", [D8])
rel("rwivanga", "member_of", "rdf", [D8])
rel("muhizi", "leader_of|member_of", "rdf", [D8], note="commands the Rwandan force")
rel("rdf", "operates_in", "mozambique|cabo_delgado|mocimboa", [D8])
rel("rwanda", "operates_in", "mozambique|cabo_delgado", [D8], optional=True)
rel("rdf", "member_of", "rwanda", [D8], optional=True)
rel("rwanda", "allied_with", "mozambique", [D8])
rel("rdf", "allied_with", "mozambique", [D8], optional=True)
rel("samim", "member_of", "sadc", [D8])
rel("samim", "operates_in", "mozambique|cabo_delgado", [D8])
rel("botswana", "member_of", "samim|sadc", [D8])
rel("south_africa", "member_of", "samim|sadc", [D8])
rel("zimbabwe", "member_of", "samim|sadc", [D8])
rel("ramaphosa", "leader_of", "south_africa", [D8])
rel("dag", "allied_with|member_of", "mozambique", [D7], optional=True, note="private contractor working for the police")
rel("dag", "operates_in", "palma|cabo_delgado|afungi", [D7], optional=True)
rel("total", "operates_in", "afungi|cabo_delgado|mozambique", [D7, D8], optional=True)
rel("mozambique_lng", "member_of", "total", [D7], optional=True)
rel("lutchmun_sato", "member_of", "iosf", [D8])

# ================= events
V = []
def ev(type_, date, actors, targets, docs, location=None, optional=False, accept=None, note=None, mode=None):
    e = {"type": type_, "date": date, "actors": actors, "targets": targets, "docs": docs}
    if location: e["location"] = location
    if mode: e["mode"] = mode
    if optional: e["optional"] = True
    if accept: e["accept_types"] = accept
    if note: e["note"] = note
    V.append(e)

# S
ev("ASSAULT", "2024-07", ["csp_dpa|jnim"], ["mali|mali_army|wagner"], [D1, D3], "tinzaouaten",
   note="fighting at Tinzaouaten/Tin Zaouatene, July 25-27 (D1), 'in July' (D3); CSP-DPA and JNIM both claimed it; one battle")
ev("ASSAULT", "2024-07", ["jnim"], ["wagner|mali|mali_army"], [D1, D3], "tinzaouaten", optional=True,
   note="JNIM's separate claim on the same battle: absorbs a second system event without penalty")
ev("SANCTION", "2024-08-04", ["mali|abdoulaye_maiga"], ["ukraine"], [D1, D3], accept=["COERCE", "REJECT", "REDUCE"],
   note="Mali breaks off diplomatic relations with Ukraine, announced Sunday (D1), 'on August 4' (D3)")
ev("ACCUSE", "2024-08", ["mali|abdoulaye_maiga"], ["ukraine|yusov"], [D1, D3],
   note="Mali accuses Kyiv of backing the armed groups / reads Yusov's remarks as an admission")
ev("AID", None, ["ukraine|hur|yusov"], ["csp_dpa"], [D1], optional=True, accept=["SUPPORT"],
   note="Yusov: rebels had received 'the necessary information' (claimed)")
ev("REJECT", "2024-08-05", ["ukraine|ukraine_mfa"], ["mali"], [D1, D3],
   note="Ukraine's foreign ministry rejected Mali's accusation on Monday (D1); 'Ukraine denied any role' (D3)")
ev("PROTEST", "2024-08-03", ["senegal|senegal_mfa"], ["ukraine|pyvovarov"], [D1], "dakar|senegal",
   accept=["ACCUSE", "REQUEST", "CONSULT", "SANCTION", "COERCE"],
   note="Senegal's foreign ministry summoned Ukraine's ambassador Pyvovarov on Saturday")
ev("ACCUSE", None, ["mali"], ["yusov", "pyvovarov"], [D1], optional=True, accept=["COERCE", "REQUEST"],
   note="Mali to refer Yusov's and Pyvovarov's statements to its courts as 'apology for terrorism'")
ev("ASSAULT", "2023-11", ["mali|mali_army|wagner"], ["csp_dpa"], [D1], "kidal", accept=["MOBILIZE", "COERCE"],
   note="junta's forces and Russian partners retook Kidal 'last November'")
ev("AGREE", "2023", ["mali", "burkina_faso", "niger"], ["aes"], [D1, D3], accept=["COOPERATE"],
   note="Alliance of Sahel States formed 'last year' (D1); first anniversary on 16 Sept 2024 (D3)")
ev("MOBILIZE", "2021-12", ["wagner|russia"], ["mali"], [D1, D2], "mali", accept=["COOPERATE", "AID"],
   note="Wagner deployed to Mali: 'since the end of 2021' (D1), 'arrived in December 2021' (Treasury, D2)")
ev("CONSULT", "2021", ["camara"], ["russia|wagner"], [D2], "russia", optional=True, accept=["AGREE", "COOPERATE"],
   note="Camara's trips to Russia in 2021 to settle the Wagner agreement")
ev("SANCTION", "2023-07-24", ["usa|us_treasury|ofac"], ["camara", "alou_boi_diarra", "bagayoko"], [D2],
   note="OFAC designation of the three officers")
ev("REJECT", None, ["mali"], ["usa|wagner"], [D2], accept=["ACCUSE"],
   note="Malian authorities: the Russians are instructors, not Wagner mercenaries")
ev("ASSAULT", "2022-03", ["mali_army|mali|wagner"], [], [D2, D3], "moura|mopti",
   note="Moura killings, late March 2022: 203 'terrorists' (army), ~300 civilians (HRW), at least 500 (UN)")
ev("ACCUSE", "2023-05", ["ohchr|un"], ["mali|mali_army|wagner|russia"], [D2, D3],
   note="UN human rights office report on Moura (May 2023)")
ev("ACCUSE", None, ["hrw"], ["mali|mali_army"], [D2], optional=True, note="HRW count of civilians executed")
ev("REJECT", None, ["mali"], ["un|ohchr"], [D2], note="Mali rejected the UN report as biased")
ev("SANCTION", "2023-07", ["uk"], ["wagner"], [D2], note="UK sanctions on Wagner-linked persons and companies 'earlier this month'")
ev("SANCTION", "2023-01", ["usa"], ["wagner"], [D2], note="US designated Wagner a transnational criminal organization in January")
ev("ASSAULT", "2024-09-17", ["jnim"], ["mali|mali_army|wagner"], [D3], "bamako|faladie",
   note="JNIM attack on the gendarmerie school in Faladie and the airport military zone")
ev("COERCE", "2024-09-17", ["mali|mali_army"], ["jnim"], [D3], "bamako", optional=True, mode="detain",
   note="state TV showed some 20 blindfolded prisoners")
ev("ASSAULT", "2015", [], [], [D3], "radisson_blu|bamako", optional=True, note="2015 siege of the Radisson Blu")
ev("SANCTION", "2018-09", ["usa"], ["jnim"], [D3], note="US designated JNIM an FTO")
ev("SUPPORT", None, ["jnim"], ["al_qaeda"], [D3], accept=["AGREE"], note="JNIM pledged allegiance to al-Qaeda's leadership")
ev("AGREE", "2017-03", ["ansar_dine|katiba_macina|al_mourabitoun|aqim"], ["jnim"], [D3], optional=True,
   accept=["COOPERATE"], note="merger forming JNIM, March 2017")
ev("COERCE", "2022", ["mali"], ["france"], [D3], accept=["SANCTION", "REJECT"], mode="expel",
   note="junta expelled French forces in 2022")
ev("REQUEST", "2023", ["mali"], ["minusma|un"], [D3], accept=["COERCE", "REJECT"], note="asked MINUSMA to leave in 2023")
ev("REQUEST", "2024-09", ["oumar_diarra"], [], [D3], optional=True, accept=["SUPPORT"],
   note="Gen. Oumar Diarra called on Malians not to turn on one another")
# H
ev("ASSAULT", "2024-10-03", ["gran_grif"], ["haiti"], [D4, D5], "pont_sonde",
   note="Pont-Sondé massacre; 70 (UN, first), 115 (mayor of Saint-Marc, D4; UN, D5)")
ev("SANCTION", "2024-09-30", ["un"], ["luckson_elan"], [D4, D5], note="UN sanctions on Luckson Elan (D5: 'since September 2024')")
ev("PROTEST", "2024-10", ["garry_conille|haiti"], ["gran_grif"], [D4], accept=["ACCUSE"], note="Conille condemned the massacre")
ev("PROTEST", "2024-10", ["guterres|un"], ["gran_grif"], [D4], accept=["ACCUSE"], note="Guterres condemned the attack")
ev("REQUEST", "2024-10", ["guterres|un"], [], [D4], optional=True, accept=["AID"], note="urged states to give more to the HNP and the mission")
ev("MOBILIZE", "2024-06", ["mss|kenya"], ["haiti"], [D4, D5], "port_au_prince|haiti",
   note="Kenyan-led MSS mission began deploying in June 2024")
ev("AID", "2016", ["prophane_victor"], ["gran_grif"], [D4], "petite_riviere",
   note="Victor began arming young men in Petite-Rivière in 2016 (UN experts)")
ev("ASSAULT", "2018", ["cherizier|g9"], [], [D4, D5], "la_saline|port_au_prince",
   note="La Saline killings, 2018 (D5 ties Chérizier's US sanctions to them)")
ev("SANCTION", "2025-05-02", ["usa|rubio|us_state_dept"], ["viv_ansanm", "gran_grif"], [D5, D6],
   note="FTO and SDGT designations; D6: 'in May'")
ev("AGREE", None, ["g9|g_pep|cherizier|gabriel_jean_pierre"], ["viv_ansanm"], [D4, D5], accept=["COOPERATE"],
   note="formation of Viv Ansanm: September 2023 (D5) vs 'took shape in late February this year' (D4, 2024)")
ev("SANCTION", "2020-12", ["usa"], ["cherizier"], [D5], note="US sanctions since December 2020")
ev("SANCTION", "2022-10", ["un"], ["cherizier"], [D5], note="UN sanctions since October 2022")
ev("ASSAULT", "2024-02", ["viv_ansanm"], ["hnp|haiti"], [D5], "port_au_prince",
   note="from late February 2024, attacks on police stations, the airport and prisons")
ev("ASSAULT", "2024-03-02", ["viv_ansanm"], [], [D5], "national_penitentiary|port_au_prince", accept=["COERCE"],
   note="some 4,000 inmates escaped from the National Penitentiary")
ev("THREATEN", "2024-03", ["cherizier"], ["ariel_henry|haiti"], [D5], note="'civil war' unless Henry stepped down")
ev("CONCEDE", "2024-03-11", ["ariel_henry"], [], [D5], accept=["RETREAT"], note="Henry announced his resignation nine days after 2 March")
ev("COERCE", "2021-10-16", ["mawozo|joly|wilson_joseph"], ["christian_aid_ministries|usa"], [D5, D6], "croix_des_bouquets",
   accept=["ASSAULT"], mode="abduct", note="kidnapping of 17 missionaries (D5: 'in October 2021')")
ev("REQUEST", "2021-10", ["mawozo"], ["christian_aid_ministries|usa"], [D6], accept=["THREATEN", "COERCE"],
   note="demand of $1 million per captive (Quitel)")
ev("COERCE", "2022-05-03", ["haiti"], ["joly"], [D5, D6], accept=["COOPERATE"], mode="extradite",
   note="Joly extradited to the US")
ev("COERCE", "2025-12-03", ["john_bates|us_district_court_dc|usa"], ["joly"], [D6], "washington_dc", mode="imprison",
   note="life sentence, 'on Wednesday'")
ev("COERCE", "2025-05", ["usa|us_district_court_dc"], ["joly"], [D6], accept=["ACCUSE"],
   note="jury conviction 'seven months earlier'")
ev("COERCE", "2024-06", ["john_bates|usa|us_district_court_dc"], ["joly"], [D6], mode="imprison",
   note="35-year sentence for gun smuggling and laundering")
ev("CONCEDE", "2024-01", ["joly"], [], [D6], optional=True, accept=["AGREE"], note="guilty plea to 48 counts")
ev("REJECT", None, ["joly"], [], [D6], note="Joly insisted he no longer led 400 Mawozo")
ev("COERCE", "2022", ["usa"], ["wilson_joseph"], [D6], accept=["ACCUSE"], note="Wilson indicted in the US in 2022")
ev("ACCUSE", "2025-05-02", ["rubio|usa"], ["viv_ansanm", "gran_grif"], [D5], optional=True,
   note="Rubio: gangs the main source of violence")
ev("ACCUSE", None, ["usa"], ["joly"], [D6], optional=True, note="prosecutors' account of the ransom and the plan")
# M
ev("ASSAULT", "2021-03-24", ["aswj|islamic_state|abu_yasir_hassan|bonomade"], ["mozambique"], [D7, D8], "palma",
   note="assault on Palma from 24 March")
ev("ASSAULT", "2021-03", ["aswj|bonomade"], ["amarula|adrian_nel"], [D7, D8], "amarula|palma",
   note="ambush of the convoy leaving the Amarula hotel on Friday 26 March (D7); Omar led the assault on the hotel (D8)")
ev("AID", "2021-03", ["dag"], [], [D7], "afungi|palma", optional=True, note="DAG helicopters flew survivors to Afungi")
ev("SANCTION", "2021-03-10", ["usa|us_state_dept"], ["aswj", "abu_yasir_hassan"], [D7, D8],
   note="FTO designation of ISIS-Mozambique and SDGT listing of Abu Yasir Hassan (D8: 'in March')")
ev("SANCTION", "2021-08-06", ["usa|us_state_dept"], ["bonomade"], [D8])
ev("ASSAULT", "2017-10", ["aswj"], ["mozambique"], [D7], "mocimboa", note="first attacks on police stations in Mocímboa da Praia")
ev("ASSAULT", "2020-08", ["aswj"], ["mozambique"], [D7, D8], "mocimboa", accept=["MOBILIZE", "COERCE"],
   note="insurgents took Mocímboa da Praia (D8: 12 August 2020)")
ev("ASSAULT", "2021-08-08", ["rdf|rwanda|mozambique"], ["aswj"], [D8], "mocimboa", accept=["MOBILIZE"],
   note="Rwandan and Mozambican troops retook the town")
ev("MOBILIZE", "2021-07-09", ["rwanda|rdf"], [], [D8], "mozambique|cabo_delgado", note="1,000 soldiers and police")
ev("CONSULT", "2021-04", ["nyusi|mozambique"], ["kagame|rwanda"], [D8], "kigali", note="Nyusi visited Kagame in Kigali")
ev("AGREE", "2021-06-23", ["sadc"], ["samim|mozambique"], [D8], "maputo", accept=["MOBILIZE"],
   note="SADC summit agreed to send a standby force")
ev("MOBILIZE", "2021-07-26", ["botswana"], [], [D8], "mozambique", note="296 soldiers")
ev("MOBILIZE", "2021-07-28", ["south_africa|ramaphosa"], [], [D8], "mozambique", note="1,495 troops authorised two days later")
ev("MOBILIZE", None, ["zimbabwe"], [], [D8], optional=True, accept=["AID"], note="304 instructors promised")
ev("ASSAULT", "2021-07", ["rdf|rwanda"], ["aswj"], [D8], optional=True, note="about 70 insurgents killed (Rwivanga)")
ev("AGREE", None, ["rwanda"], ["mozambique"], [D8], optional=True, accept=["COOPERATE", "AID"],
   note="Kigali: deployment rests on a bilateral agreement and Rwanda pays for it")
ev("PROTEST", None, [], [], [D8], "maputo", optional=True, note="opposition deputies protested that parliament was not consulted")
ev("RETREAT", "2021-04-26", ["total"], [], [D8], "afungi", accept=["CONCEDE", "REDUCE", "REJECT"],
   note="Total declared force majeure and withdrew all staff from Afungi")

# ================= quantities
Q = []
def q(subject, unit, value, attributed_to, docs, qualifier=None, note=None):
    x = {"subject": subject, "unit": unit, "value": value, "attributed_to": attributed_to, "docs": docs}
    if qualifier: x["qualifier"] = qualifier
    if note: x["note"] = note
    Q.append(x)

q("mali_army|mali|tinzaouaten", "people", 47, "jnim", [D1], note="Malian soldiers JNIM claimed to have killed")
q("wagner|russia|tinzaouaten", "people", 84, "jnim", [D1], note="Russians JNIM claimed to have killed")
q("camara|alou_boi_diarra|bagayoko|mali", "people", 3, None, [D2], note="three Malian officials designated")
q("mali|wagner", "percent", 278, "us_treasury|usa", [D2], note="rise in civilian casualties since Wagner arrived")
q("moura|mali_army|mali", "people", 203, "mali_army|mali", [D2], note="'terrorists' the army said it neutralised")
q("moura", "people", 300, "hrw", [D2], qualifier="about", note="civilians executed per HRW")
q("moura", "people", 500, "ohchr|un", [D2], qualifier="at least", note="killed per UN human rights office")
q("moura", "people", 500, "un|ohchr", [D3], qualifier="at least", note="per UN investigators")
q("bamako|mali|jnim", "people", 77, "anonymous", [D3], note="killed, per a security source")
q("bamako|mali|jnim", "people", 255, "anonymous", [D3], note="wounded, per a security source")
q("bamako|mali|jnim", "people", 100, "anonymous", [D3], qualifier="about", note="dead per a confidential document")
q("jnim", "people", 20, None, [D3], qualifier="some", note="prisoners shown on state TV")
q("pont_sonde|gran_grif", "people", 115, "myriam_fievre", [D4], note="partial toll, mayor of Saint-Marc")
q("pont_sonde|gran_grif", "people", 70, "al_kheetan|ohchr|un", [D4], qualifier="at least", note="first UN toll")
q("pont_sonde|gran_grif", "people", 10, "al_kheetan|ohchr|un", [D4], qualifier="about", note="women among the dead")
q("pont_sonde|gran_grif", "people", 3, "al_kheetan|ohchr|un", [D4], note="infants among the dead")
q("pont_sonde|gran_grif", "people", 16, "al_kheetan|ohchr|un", [D4], qualifier="at least", note="seriously wounded")
q("gran_grif", "people", 2, "al_kheetan|ohchr|un", [D4], note="gang members wounded")
q("pont_sonde|gran_grif", "houses", 45, "un|ohchr", [D4], qualifier="at least")
q("pont_sonde|gran_grif", "vehicles", 34, "un|ohchr", [D4])
q("pont_sonde|saint_marc", "people", 6300, "iom", [D4], qualifier="more than", note="residents who fled")
q("saint_marc", "people", 1000, "iom", [D4], qualifier="nearly", note="'Nearly a thousand' sleeping in a church, school, square")
q("gran_grif", "members", 100, "un", [D4], qualifier="around", note="UN experts")
q("la_saline", "people", 70, None, [D4], qualifier="more than", note="La Saline 2018")
q("national_penitentiary|viv_ansanm", "people", 4000, None, [D5], qualifier="some", note="inmates escaped")
q("port_au_prince|viv_ansanm", "percent", 85, "un", [D5], qualifier="about", note="share of the capital gangs control")
q("pont_sonde|gran_grif", "people", 115, "un", [D5], qualifier="at least")
q("christian_aid_ministries|mawozo", "people", 17, None, [D5], note="missionaries kidnapped")
q("christian_aid_ministries|mawozo", "people", 12, "christian_aid_ministries", [D5], note="last hostages who escaped")
q("mss", "officers", 1000, None, [D5], qualifier="about")
q("mss", "officers", 2500, None, [D5], note="planned")
q("christian_aid_ministries|mawozo", "people", 17, None, [D6], note="missionaries kidnapped")
q("christian_aid_ministries|usa", "people", 16, None, [D6], note="US citizens among the hostages")
q("joly", "dollars", 1700, None, [D6], note="fine")
q("mawozo|christian_aid_ministries", "dollars", 1000000, "liszt_quitel", [D6], note="demanded per captive")
q("christian_aid_ministries|mawozo", "days", 62, None, [D6], note="held at gunpoint")
q("mawozo|christian_aid_ministries", "dollars", 350000, "anonymous", [D6], note="ransom paid, per prosecutors")
q("joly", "counts", 48, None, [D6])
q("joly", "years", 35, None, [D6], note="earlier sentence")
q("amarula|palma", "people", 200, None, [D7], qualifier="about", note="sheltering in the hotel")
q("amarula|palma", "vehicles", 17, None, [D7], note="convoy")
q("amarula|palma", "people", 7, "saranga|mozambique", [D7], note="killed in the convoy ambush")
q("palma|aswj", "people", 55, "islamic_state|amaq", [D7], note="killed, per IS claim")
q("mozambique|cabo_delgado", "people", 700000, "unhcr|un", [D7], qualifier="nearly", note="displaced")
q("total|mozambique_lng|afungi", "dollars", 20000000000, None, [D7], qualifier="some", note="gas project value")
q("rwanda|rdf", "soldiers", 1000, None, [D8], note="soldiers and police, stated in the author's voice")
q("aswj", "people", 70, "rwivanga", [D8], qualifier="about", note="insurgents killed")
q("botswana", "soldiers", 296, None, [D8])
q("south_africa", "troops", 1495, "ramaphosa|south_africa", [D8])
q("zimbabwe", "instructors", 304, None, [D8])
q("palma|aswj", "people", 55, "islamic_state", [D8], note="killed, per IS")
q("total|afungi", "dollars", 20000000000, None, [D8])
q("cabo_delgado|mozambique", "people", 3100, "acled", [D8], qualifier="more than", note="killed since 2017")
q("cabo_delgado|mozambique", "people", 800000, "acled", [D8], qualifier="at least", note="displaced")

# ================= contradictions
C = []
def con(subject, about, a, b, docs):
    C.append({"subject": subject, "about": about, "texts": [[a], [b]], "docs": docs})

con("ukraine", "Tinzaouaten: Mali says Ukraine admitted involvement / Yusov's 'necessary information' vs Ukraine rejects the accusation",
    "necessary information|admission that Ukraine had been involved|confession of involvement|accusing Kyiv of backing",
    "rejected Mali's accusation|denied any role", [D1, D3])
con("wagner", "Wagner in Mali since December 2021 (Treasury) vs only Russian military instructors (Malian authorities)",
    "Wagner arrived in Mali in December 2021|Wagner deployed to Mali|fought alongside Malian troops",
    "military instructors", [D1, D2])
con("moura", "Moura: 203 terrorists neutralised (army) vs about 300 civilians (HRW) / at least 500 killed (UN)",
    "203", "about 300|at least 500", [D2, D3])
con("moura", "Moura: UN finds mass summary executions vs Mali rejects the report as biased",
    "at least 500", "rejected the UN report", [D2])
con("bamako", "Bamako attack toll: 77 killed (security source) vs about 100 (confidential document)",
    "77 people", "about 100", [D3])
con("bamako", "Bamako attack: army admits only 'some loss of human life' vs JNIM claims 'hundreds' of casualties",
    "some loss of human life|neutralised", "hundreds", [D3])
con("pont_sonde", "Pont-Sondé toll: at least 70 (UN, first) vs 115 (mayor of Saint-Marc; UN later)",
    "at least 70", "115", [D4, D5])
con("viv_ansanm", "Viv Ansanm formed in September 2023 (D5) vs took shape in late February 2024 (D4)",
    "September 2023", "late February this year", [D4, D5])
con("christian_aid_ministries", "Missionaries: the last hostages escaped vs freed after a $350,000 ransom",
    "escaped in December 2021|presented at the time as an escape", "ransom of $350,000", [D5, D6])
con("joly", "Joly says he no longer leads 400 Mawozo vs the judge finds overwhelming evidence he directed it",
    "no longer led 400 Mawozo", "frankly overwhelming|rejected that account|kept running the gang", [D6])
con("palma", "Palma toll: 'dozens' (Mozambican defence ministry) vs 55 (Islamic State claim)",
    "dozens", "55 people", [D7, D8])
con("cabo_delgado", "Displaced in northern Mozambique: nearly 700,000 (UNHCR, March) vs at least 800,000 (ACLED, August)",
    "700,000", "800,000", [D7, D8])

gold = {"corpus": "examples/blind3/corpus", "documents": DOCS, "entities": E, "relations": R,
        "events": V, "quantities": Q, "contradictions": C}
json.dump(gold, open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print({k: len(v) for k, v in gold.items() if isinstance(v, list)})
