#!/usr/bin/env python3
"""Writes gold.json for the blind4 set. Edit here, re-run, then run check_gold.py."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
D1 = "01_rebels-take-damascus-assad-flees.txt"
D2 = "02_hts-from-nusra-to-damascus.txt"
D3 = "03_israeli-strikes-and-golan-buffer-zone.txt"
D4 = "04_khamenei-on-fall-of-assad.txt"          # fa
D5 = "05_assad-statement-from-moscow.txt"        # ar
D6 = "06_wagner-halts-march-on-moscow.txt"
D7 = "07_wagner-after-the-mutiny.txt"
D8 = "08_sk-confirms-prigozhin-death.txt"        # ru
D9 = "09_wagner-revolt-ends.txt"                 # az
D10 = "10_nangaa-sentenced-to-death-in-absentia.txt"
D11 = "11_goma-toll-nears-3000.txt"
D12 = "12_us-sanctions-kabarebe-and-kanyuka.txt"
DOCS = [D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12]

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
cty("syria", ["Syria", "سوریه", "سوريا"], ["Syrian Arab Republic", "Damascus", "دمشق"])
cty("russia", ["Russia", "روسيا", "Rusiya"], ["Moscow", "Kremlin", "Russian Federation", "الكرملين", "Кремля", "Кремль",
                                              "Rusiyada", "Россия", "России", "مسکو", "موسكو", "روسیه"])
cty("iran", ["Iran", "ایران", "جمهوری اسلامی ایران"], ["Tehran", "تهران", "Islamic Republic of Iran"])
cty("usa", ["United States", "US"], ["U.S.", "USA", "United States of America", "America", "Washington", "آمریکا"])
cty("turkey", ["Turkey", "ترکیه"], ["Türkiye", "Ankara", "آنکارا"])
cty("israel", ["Israel", "اسرائیل"], ["إسرائيل", "رژیم صهیونیستی", "Zionist regime"])
cty("saudi_arabia", ["Saudi Arabia"])
cty("egypt", ["Egypt"])
cty("qatar", ["Qatar"])
cty("lebanon", ["Lebanon"], optional=True)
cty("uk", ["Britain", "United Kingdom"], ["UK", "U.K."])
cty("belarus", ["Belarus"], ["Белоруссия", "Белоруссию", "Белоруссии", "Belarusa", "Беларусь", "Minsk"])
cty("ukraine", ["Ukraine"], ["Kyiv"], optional=True)
cty("car", ["Central African Republic"], ["CAR"])
cty("mali", ["Mali"], ["Bamako"], optional=True)
cty("drc", ["Democratic Republic of the Congo", "DRC", "Congo"], ["Kinshasa", "DR Congo", "Democratic Republic of Congo"])
cty("rwanda", ["Rwanda"], ["Kigali"])
cty("kenya", ["Kenya"], ["Nairobi"])
cty("uganda", ["Uganda"])
cty("france", ["France"], ["Paris"])
cty("belgium", ["Belgium"])
cty("angola", ["Angola"], ["Luanda"])

# ---------------- cluster A: Syria, the fall of Assad (D1-D5)
org("hts", ["Hayat Tahrir al-Sham", "HTS", "هیئت تحریر الشام", "هيئة تحرير الشام"], "armed_group",
    ["Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham", "Tahrir al-Sham", "الهيئة", "Levant Liberation Committee"])
org("nusra", ["Jabhat al-Nusra", "Nusra Front", "Jabhat Fateh al-Sham", "جبهه النصره"], "armed_group",
    ["al-Nusra Front", "Jabhat Fatah al-Sham", "al-Nusra", "Nusra", "جبهة النصرة"])
org("al_qaeda", ["al-Qaeda", "القاعده"], "armed_group", ["al Qaeda", "al-Qaida", "Al Qaida", "القاعدة"])
org("isi", ["Islamic State of Iraq"], "armed_group", ["ISI", "Islamic State"])
per("jolani", ["Abu Mohammed al-Jolani", "Ahmed al-Sharaa", "Jolani", "al-Sharaa", "ابومحمد جولانی", "احمد الشرع",
               "أحمد الشرع", "أبو محمد الجولاني", "الشرع"],
    ["Abu Mohammad al-Jolani", "Abu Mohammed al-Golani", "al-Jolani", "Golani", "Sharaa", "Ahmad al-Sharaa", "جولانی",
     "الجولاني"])
per("assad", ["Bashar al-Assad", "Assad", "بشار اسد", "بشار الأسد", "الأسد", "اسد"],
    ["President Bashar al-Assad", "al-Assad", "Bashar Assad", "Bashar"])
per("hafez_assad", ["Hafez al-Assad"], optional=True)
per("al_jalali", ["Mohammed Ghazi al-Jalali"], ["al-Jalali", "Jalali", "Mohammed al-Jalali"])
per("al_bashir", ["Mohammed al-Bashir", "محمد البشير"], ["al-Bashir", "Mohammad al-Bashir"])
org("salvation_gov", ["Salvation Government"], "government", ["Syrian Salvation Government"])
org("sohr", ["Syrian Observatory for Human Rights", "SOHR", "المرصد السوري لحقوق الإنسان"], "other", ["Syrian Observatory"])
org("snhr", ["الشبكة السورية لحقوق الإنسان"], "other", ["Syrian Network for Human Rights", "SNHR"])
org("sna", ["Syrian National Army"], "armed_group", ["SNA"])
org("sdf", ["Syrian Democratic Forces"], "armed_group", ["SDF"])
org("hezbollah", ["Hezbollah"], "armed_group", ["Hizbullah", "Hizballah"])
per("al_baghdadi", ["Abu Bakr al-Baghdadi", "al-Baghdadi"], ["Baghdadi"])
per("zawahiri", ["Ayman al-Zawahiri"], ["al-Zawahiri", "Zawahiri"])
org("us_state_dept", ["State Department"], "government", ["US State Department", "Department of State"])
org("rfj", ["Rewards for Justice"], "government", ["Rewards for Justice programme"], optional=True)
per("leaf", ["Barbara Leaf", "Leaf"])
org("white_house", ["White House", "کاخ سفید"], "government")
per("savett", ["Sean Savett"], ["Savett"])
per("biden", ["Joe Biden"], ["Biden", "President Joe Biden"])
per("khamenei", ["Ali Khamenei", "آیت‌الله علی خامنه‌ای", "علی خامنه‌ای", "خامنه‌ای"],
    ["Khamenei", "Ayatollah Ali Khamenei", "Supreme Leader Ali Khamenei", "آیت الله علی خامنه ای", "خامنه ای"])
per("araghchi", ["عباس عراقچی"], ["Abbas Araghchi", "عراقچی", "Araghchi"])
org("iran_mfa", ["وزارت امور خارجه ایران"], "government", ["Iran's foreign ministry", "Tehran's foreign ministry",
                                                          "Iranian foreign ministry"], optional=True)
org("russia_mfa", ["Russia's foreign ministry"], "government", ["Russian foreign ministry"], optional=True)
per("netanyahu", ["Benjamin Netanyahu"], ["Netanyahu"])
org("idf", ["Israel Defense Forces", "IDF", "ارتش اسرائیل"], "government", ["Israeli army", "Israeli military"])
org("israeli_navy", ["Israeli Navy"], "government", optional=True)
per("katz", ["Israel Katz"], ["Katz"])
per("pedersen", ["Geir Pedersen"], ["Pedersen"])
org("un", ["United Nations", "UN"], "other", ["U.N.", "الأمم المتحدة"])
org("telegram", ["Telegram", "تيليغرام"], "company", optional=True)
org("syria_mod", ["وزارة الدفاع"], "government", ["Syrian defence ministry"], optional=True)
plc("damascus", ["Damascus", "دمشق"])
plc("umayyad_square", ["Umayyad Square"], optional=True)
plc("umayyad_mosque", ["Umayyad Mosque"], optional=True)
plc("sednaya", ["Sednaya military prison"], ["Sednaya", "Saydnaya", "Sednaya prison"])
plc("idlib", ["Idlib", "ادلب"], ["استان ادلب", "Idlib province"])
plc("aleppo", ["Aleppo"])
plc("hama", ["Hama"])
plc("homs", ["Homs"])
plc("tartus", ["Tartus"], optional=True)
plc("latakia", ["Latakia", "اللاذقية"])
plc("palmyra", ["Palmyra"], optional=True)
plc("al_bayda", ["al-Bayda"], ["Mina al-Bayda", "al-Bayda port"])
plc("hmeimim", ["Hmeimim", "حميميم"], ["Hmeimim air base", "Khmeimim", "قاعدة حميميم", "Hmeimim base"])
plc("golan", ["Golan Heights"], ["Golan", "buffer zone", "Golan buffer zone"])
plc("tal_rifaat", ["Tal Rifaat"], ["Tell Rifaat"])
plc("manbij", ["Manbij"])
plc("moscow", ["Moscow", "مسکو", "موسكو", "Moskva"], ["Москва", "Москвы", "Москву", "Moskvaya"])
plc("tehran", ["Tehran", "تهران"], optional=True)
plc("ankara", ["آنکارا"], ["Ankara"], optional=True)
plc("iran_embassy", ["Iranian embassy in Damascus"], ["سفارت ایران", "Iranian embassy"], optional=True)
org("levant_wire", ["Levant Wire Service"], "media", optional=True)
per("okafor_hayek", ["Samir Okafor-Hayek"], optional=True)
per("velasquez", ["Dana Velasquez"], optional=True)
org("orontes", ["Orontes Policy Centre"], "academic", ["Orontes Policy Center"])
per("marchetti_aziz", ["Leila Marchetti-Aziz"])
org("golan_line_monitor", ["Golan Line Monitor"], "media", optional=True)

# ---------------- cluster B: the Wagner mutiny and its aftermath (D6-D9)
org("wagner", ["Wagner Group", "Wagner", "PMC Wagner", "ЧВК «Вагнер»", "Вагнер", "Vaqner"], "armed_group",
    ["the Wagner Group", "Wagner PMC", "ЧВК Вагнер", "Вагнера", "«Вагнера»", "Vaqnerin", "Wagner private military company"])
per("prigozhin", ["Yevgeny Prigozhin", "Prigozhin", "Евгений Пригожин", "Пригожин", "Yevgeni Priqojin", "Priqojin"],
    ["Евгения Пригожина", "Пригожина", "Пригожиным", "Yevgeni Priqojinin", "Priqojinin", "Priqojini", "Yevgeny Prigozhin's"])
per("utkin", ["Dmitry Utkin", "Дмитрий Уткин"], ["Utkin", "Уткин"])
per("chekalov", ["Валерий Чекалов"], ["Valery Chekalov", "Чекалов"])
per("putin", ["Vladimir Putin", "Putin", "Владимир Путин", "Путин"], ["President Vladimir Putin"])
per("peskov", ["Dmitry Peskov", "Peskov", "Дмитрий Песков", "Песков", "Dmitri Peskov"], ["Peskovun"])
per("lukashenko", ["Alexander Lukashenko", "Lukashenko", "Лукашенко", "Lukaşenko"],
    ["Александром Лукашенко", "Александр Лукашенко", "Aleksandr Lukaşenko", "Aleksandr Lukaşenkonun", "Lukaşenkonun",
     "Alexander Lukashenko's"])
per("shoigu", ["Sergei Shoigu", "Shoigu", "Sergey Şoyqu"], ["Şoyqu", "Sergey Shoigu"])
per("gerasimov", ["Valery Gerasimov", "Gerasimov"], ["Valeri Gerasimovun", "Gerasimovun", "Valeri Gerasimov"])
org("russia_mod", ["Defence Ministry", "Müdafiə Nazirliyi"], "government",
    ["Russian Defence Ministry", "Ministry of Defence", "Defense Ministry", "Rusiya Müdafiə Nazirliyini", "Müdafiə Nazirliyini"])
org("fsb", ["Federal Security Service", "FSB"], "government")
org("southern_md", ["Southern Military District"], "government",
    ["Южного военного округа", "Cənub Hərbi Dairəsinin", "Cənub Hərbi Dairəsi", "headquarters of the Southern Military District"])
plc("rostov", ["Rostov-on-Don", "Rostov-na-Donu"], ["Ростове-на-Дону", "Ростов-на-Дону", "Rostov", "Rostovu"])
plc("voronezh", ["Voronezh"], ["Voronezh region"])
plc("bakhmut", ["Bakhmut"], optional=True)
plc("m4", ["M4 motorway"], optional=True)
org("concord", ["Concord"], "company")
org("us_treasury", ["US Treasury", "Treasury"], "government", ["Treasury Department", "US Department of the Treasury"])
org("ofac", ["Office of Foreign Assets Control", "OFAC"], "government")
org("midas", ["Midas Resources"], "company", ["Midas Resources SARLU"])
org("diamville", ["Diamville"], "company", ["Diamville SAU"])
org("irgt", ["Industrial Resources General Trading"], "company")
org("llc_dm", ["Limited Liability Company DM"], "company", ["LLC DM"])
per("ivanov", ["Andrey Ivanov"], ["Andrei Ivanov", "Andrey Nikolayevich Ivanov"])
plc("dubai", ["Dubai"], optional=True)
plc("tsel", ["Tsel"], optional=True)
plc("mogilev", ["Mogilev"], ["Mogilev region"], optional=True)
plc("kuzhenkino", ["Kuzhenkino", "Куженкино"])
plc("tver", ["Tver region"], ["Тверской области", "Тверская область", "Tver", "Тверью"])
plc("st_petersburg", ["St Petersburg", "Санкт-Петербург"], ["Saint Petersburg", "St. Petersburg"])
org("rosaviatsia", ["Rosaviatsia", "Росавиация"], "government")
org("investigative_committee", ["Investigative Committee", "Следственный комитет России"], "government",
    ["СК", "Investigative Committee of Russia", "Следственный комитет"])
org("embraer", ["Embraer"], "company", optional=True)
per("blinken", ["Antony Blinken"], ["Blinken"])
org("g7", ["G7"], "coalition", optional=True)
org("eurasia_wire", ["Eurasia Wire Service"], "media", optional=True)
per("lindgren_osei", ["Pavel Lindgren-Osei"], optional=True)
per("quiroga", ["Marta Quiroga"], optional=True)
org("baltic_forum", ["Baltic Forum for Security Studies"], "academic")
per("reinholt_vasquez", ["Tomas Reinholt-Vasquez"])

# ---------------- cluster C: the M23, Rwanda and Congo (D10-D12)
org("m23", ["March 23 Movement", "M23"], "armed_group", ["M-23", "Mouvement du 23 mars"])
org("afc", ["Alliance Fleuve Congo", "AFC", "Congo River Alliance"], "coalition", ["AFC/M23"])
per("nangaa", ["Corneille Nangaa", "Nangaa"])
org("ceni", ["CENI"], "government", ["national electoral commission"], optional=True)
per("makenga", ["Sultani Makenga", "Makenga"])
per("bisimwa", ["Bertrand Bisimwa"], ["Bisimwa"])
per("mamba", ["Jean-Jacques Mamba"], ["Mamba"])
per("ngoma", ["Willy Ngoma"], ["Maj. Willy Ngoma", "Ngoma"])
per("nkuba", ["Eric Nkuba"], ["Nkuba"])
per("baseane", ["Jean Ritens Baseane"], ["Baseane"])
per("nzoku", ["Efomi Lonteya Nzoku"], ["Nzoku"])
org("military_court", ["military court of Kinshasa/Gombe"], "government",
    ["Cour militaire de Kinshasa/Gombe", "Kinshasa/Gombe military court", "military court"])
per("mutamba", ["Constant Mutamba"], ["Mutamba"])
plc("ndolo", ["Ndolo military prison"], ["Ndolo prison", "Ndolo"])
plc("nairobi", ["Nairobi"], optional=True)
plc("kinshasa", ["Kinshasa"])
plc("goma", ["Goma"])
plc("north_kivu", ["North Kivu"])
plc("south_kivu", ["South Kivu"])
plc("bukavu", ["Bukavu"])
plc("sake", ["Sake"])
plc("nyabibwe", ["Nyabibwe"])
plc("kigali", ["Kigali"], optional=True)
org("un_experts", ["UN Group of Experts"], "other", ["Group of Experts", "UN experts"])
org("rdf", ["Rwanda Defence Force", "RDF"], "government", ["Rwanda Defense Force", "Rwandan army", "Rwandan Defence Force"])
per("makolo", ["Yolande Makolo"], ["Makolo"])
org("fdlr", ["FDLR"], "armed_group", ["Democratic Forces for the Liberation of Rwanda"])
org("fardc", ["Congolese army"], "government", ["FARDC", "Armed Forces of the Democratic Republic of the Congo"], optional=True)
org("monusco", ["MONUSCO"], "other", ["UN peacekeeping mission"])
per("van_de_perre", ["Vivian van de Perre"], ["van de Perre"])
org("who", ["World Health Organization"], "other", ["WHO"])
per("cirimwami", ["Peter Cirimwami"], ["Cirimwami", "Maj. Gen. Peter Cirimwami"])
per("barrot", ["Jean-Noel Barrot"], ["Barrot", "Jean-Noël Barrot"])
per("muyaya", ["Patrick Muyaya"], ["Muyaya"])
org("icc", ["International Criminal Court"], "other", ["ICC"])
per("kabarebe", ["James Kabarebe", "Kabarebe"])
per("kanyuka", ["Lawrence Kanyuka Kingston", "Lawrence Kanyuka", "Kanyuka"])
org("kingston_fresh", ["Kingston Fresh Ltd"], "company", ["Kingston Fresh"])
org("kingston_holding", ["Kingston Holding"], "company")
per("bradley_smith", ["Bradley T. Smith"], ["Bradley Smith"])
per("kamba", ["Samuel-Roger Kamba"], ["Kamba"])
org("luanda_process", ["Luanda Process"], "other", optional=True)
org("rwanda_mfa", ["Rwanda's foreign ministry"], "government", ["Rwandan foreign ministry"], optional=True)
plc("paris", ["Paris"], optional=True)
org("great_lakes_brief", ["Great Lakes Compliance Brief"], "media", optional=True)

# ================= relations
R = []
def rel(s, p, o, docs, optional=False, note=None):
    r = {"s": s, "p": p, "o": o, "docs": docs}
    if optional: r["optional"] = True
    if note: r["note"] = note
    R.append(r)

# A
rel("jolani", "leader_of", "hts", [D1, D2, D3, D4, D5], note="HTS commander / فرمانده این گروه / قائد الهيئة")
rel("jolani", "founder_of", "nusra", [D2], note="Its founder, Abu Mohammed al-Jolani")
rel("jolani", "leader_of", "nusra", [D4], optional=True, note="پیش‌تر رهبر جبهه النصره")
rel("nusra", "member_of", "al_qaeda", [D1, D2, D4], note="al-Qaeda's branch in Syria; pledged allegiance in 2013")
rel("hts", "member_of", "al_qaeda", [D1], optional=True, note="'formerly the Nusra Front, al-Qaeda's branch': only through its predecessor")
rel("nusra", "member_of", "isi", [D2], optional=True, note="announced itself as the Syrian arm of the Islamic State of Iraq")
rel("jolani", "associate_of", "al_baghdadi", [D2], optional=True, note="sent into Syria by al-Baghdadi")
rel("al_baghdadi", "leader_of", "isi", [D2], optional=True)
rel("zawahiri", "leader_of", "al_qaeda", [D2], note="al-Qaeda's leader, Ayman al-Zawahiri")
rel("hts", "operates_in", "syria", [D1, D2, D3], optional=True)
rel("hts", "based_in|operates_in", "idlib", [D1, D2, D4], note="offensive began from the rebel enclave of Idlib; HTS-run government in Idlib")
rel("hts", "operates_in|based_in", "damascus", [D1, D2, D3, D4, D5], optional=True)
rel("assad", "leader_of", "syria", [D1, D2, D4, D5], note="the president")
rel("hafez_assad", "leader_of", "syria", [D1], optional=True)
rel("hafez_assad", "associate_of", "assad", [D1], optional=True, note="the president's father")
rel("al_jalali", "leader_of", "syria", [D1], optional=True, note="Prime Minister")
rel("al_bashir", "leader_of", "syria", [D2, D3, D5], note="caretaker prime minister / حكومة تصريف أعمال برئاسة")
rel("al_bashir", "leader_of", "salvation_gov", [D2], note="had headed the HTS-run Salvation Government")
rel("salvation_gov", "sponsored_by|member_of", "hts", [D2], optional=True, note="HTS-run")
rel("salvation_gov", "based_in|operates_in", "idlib", [D2], optional=True)
rel("sohr", "based_in", "uk", [D1, D3], note="Britain-based monitor / based in Britain")
rel("sna", "sponsored_by", "turkey", [D1, D2], note="Turkish-backed")
rel("sna", "opposes", "sdf", [D1, D2], optional=True)
rel("sna", "operates_in", "tal_rifaat|manbij", [D1, D2], optional=True)
rel("hezbollah", "based_in|operates_in", "lebanon", [D1], optional=True, note="Lebanon's Hezbollah")
rel("hezbollah", "allied_with", "assad|syria", [D1], optional=True)
rel("iran", "allied_with", "syria|assad", [D1, D4], note="kept Assad in power / حمایت تهران از دولت سوریه")
rel("russia", "allied_with", "syria|assad", [D1, D5], note="kept Assad in power; 'الأصدقاء الروس'")
rel("hts", "opposes", "syria|assad", [D1, D2], optional=True)
rel("leaf", "member_of", "us_state_dept|usa", [D2], note="the State Department's top diplomat for the Middle East")
rel("us_state_dept", "member_of", "usa", [D2], optional=True)
rel("rfj", "member_of", "us_state_dept|usa", [D2], optional=True)
rel("savett", "member_of", "white_house|usa", [D2], note="a White House spokesman")
rel("white_house", "member_of", "usa", [D2, D4], optional=True)
rel("biden", "leader_of", "usa", [D1])
rel("khamenei", "leader_of", "iran", [D2, D4], note="Supreme Leader / رهبر جمهوری اسلامی ایران")
rel("araghchi", "member_of|leader_of", "iran|iran_mfa", [D4], note="وزیر امور خارجه ایران")
rel("iran_mfa", "member_of", "iran", [D4], optional=True)
rel("netanyahu", "leader_of", "israel", [D1, D3], note="Prime Minister")
rel("katz", "member_of", "israel", [D3], note="Defence Minister")
rel("idf", "member_of", "israel", [D3], optional=True)
rel("israeli_navy", "member_of", "idf|israel", [D3], optional=True)
rel("idf", "operates_in", "golan|syria", [D1, D3], note="troops moved into the buffer zone")
rel("pedersen", "member_of", "un", [D3], note="UN special envoy for Syria")
rel("russia", "operates_in|based_in", "hmeimim", [D2, D5], optional=True, note="its Hmeimim air base")
rel("marchetti_aziz", "member_of", "orontes", [D2])
rel("okafor_hayek", "member_of", "levant_wire", [D1], optional=True)
# B
rel("prigozhin", "founder_of", "wagner", [D6, D7, D8], note="founder of the Wagner Group; founded it in 2014; основатель ЧВК «Вагнер»")
rel("prigozhin", "leader_of", "wagner", [D6, D7, D9], note="Wagner chief / rəhbəri")
rel("utkin", "leader_of|member_of", "wagner", [D7, D8], note="commanded Wagner in the field / командир группы")
rel("chekalov", "member_of", "wagner", [D8], note="отвечавший в компании за логистику")
rel("ivanov", "member_of", "wagner", [D7], note="a Wagner executive")
rel("prigozhin", "leader_of|founder_of", "concord", [D7], optional=True, note="Prigozhin's catering firm Concord")
rel("wagner", "sponsored_by", "russia|russia_mod", [D7], note="fully funded by the state (Putin)")
rel("wagner", "sponsored_by", "midas|diamville|irgt|llc_dm", [D7], optional=True, note="companies OFAC said funded Wagner")
rel("midas", "based_in", "car", [D7], optional=True)
rel("diamville", "based_in", "car", [D7], optional=True)
rel("irgt", "based_in", "dubai", [D7], optional=True)
rel("llc_dm", "based_in", "russia", [D7], optional=True)
rel("ivanov", "operates_in", "mali", [D7], optional=True)
rel("wagner", "operates_in", "belarus|tsel|mogilev", [D7], note="fighters moved to a camp near Tsel in July")
rel("wagner", "operates_in", "ukraine|bakhmut", [D6], optional=True)
rel("wagner", "operates_in", "car|mali", [D7], optional=True)
rel("wagner", "opposes", "russia_mod|shoigu|gerasimov", [D6, D9], optional=True)
rel("putin", "leader_of", "russia", [D6, D7, D8, D9])
rel("peskov", "member_of", "russia", [D6, D7, D8, D9], note="Kremlin spokesman / Пресс-секретарь президента / Kremlin sözçüsü")
rel("lukashenko", "leader_of", "belarus", [D6, D8, D9])
rel("lukashenko", "associate_of", "prigozhin", [D6, D9], optional=True, note="has known Prigozhin for about 20 years")
rel("shoigu", "leader_of|member_of", "russia_mod", [D6, D9], note="Defence Minister / müdafiə naziri")
rel("gerasimov", "leader_of|member_of", "russia_mod|russia", [D6, D9], note="chief of the General Staff")
rel("russia_mod", "member_of", "russia", [D6, D9], optional=True)
rel("fsb", "member_of", "russia", [D6], optional=True)
rel("southern_md", "based_in", "rostov", [D6, D8, D9], note="headquarters in Rostov-on-Don")
rel("southern_md", "member_of", "russia_mod|russia", [D6], optional=True)
rel("ofac", "member_of", "us_treasury", [D7, D12])
rel("us_treasury", "member_of", "usa", [D7, D12], optional=True)
rel("investigative_committee", "member_of", "russia", [D7, D8], optional=True)
rel("rosaviatsia", "member_of", "russia", [D7, D8], optional=True)
rel("blinken", "member_of|leader_of", "us_state_dept|usa", [D6], note="Secretary of State")
rel("reinholt_vasquez", "member_of", "baltic_forum", [D7])
rel("lindgren_osei", "member_of", "eurasia_wire", [D6], optional=True)
# C
rel("nangaa", "leader_of", "afc", [D10], note="now leads the rebel Alliance Fleuve Congo")
rel("nangaa", "founder_of", "afc", [D10], optional=True, note="announced the AFC in Nairobi")
rel("nangaa", "leader_of", "ceni", [D10], optional=True, note="former president of the electoral commission")
rel("m23", "member_of", "afc", [D10, D11], note="the AFC's main armed member / of which the M23 is the main force")
rel("makenga", "leader_of", "m23", [D10], note="military commander")
rel("bisimwa", "leader_of", "m23", [D10], note="its president")
rel("mamba", "member_of", "afc", [D10], note="speaks for the AFC")
rel("ngoma", "member_of", "m23", [D10], note="the M23's military spokesman")
rel("nkuba", "founder_of|member_of", "afc", [D10], note="a co-founder of the AFC (prosecution)")
rel("baseane", "associate_of", "nangaa", [D10], note="Nangaa's young uncle")
rel("nzoku", "leader_of|member_of", "military_court", [D10], note="the court's first president")
rel("military_court", "member_of", "drc", [D10], optional=True)
rel("mutamba", "member_of", "drc", [D10], note="Justice Minister")
rel("m23", "sponsored_by", "rwanda|rdf", [D10, D11, D12], note="Rwanda-backed; 3,000-4,000 Rwandan soldiers alongside (UN experts)")
rel("rdf", "operates_in", "drc|north_kivu|goma", [D10, D11, D12], optional=True)
rel("rdf", "allied_with", "m23", [D10, D11], optional=True)
rel("rdf", "member_of", "rwanda", [D11, D12], optional=True)
rel("m23", "operates_in", "north_kivu|goma|drc", [D10, D11, D12])
rel("m23", "operates_in", "south_kivu|bukavu|nyabibwe", [D11, D12], optional=True)
rel("m23", "opposes", "drc|fardc", [D10, D11], optional=True)
rel("fdlr", "opposes", "rwanda", [D10, D11], optional=True)
rel("makolo", "member_of", "rwanda", [D10], note="government spokeswoman")
rel("un_experts", "member_of", "un", [D10], optional=True)
rel("monusco", "member_of", "un", [D11], optional=True)
rel("monusco", "operates_in", "drc|goma", [D11], optional=True)
rel("van_de_perre", "member_of|leader_of", "monusco", [D11], note="deputy head of the UN peacekeeping mission")
rel("who", "member_of", "un", [D11], optional=True)
rel("cirimwami", "leader_of", "north_kivu", [D11], note="the province's military governor")
rel("cirimwami", "member_of", "drc|fardc", [D11], optional=True)
rel("barrot", "member_of", "france", [D11], note="French Foreign Minister")
rel("muyaya", "member_of", "drc", [D11], note="Communications Minister")
rel("kabarebe", "member_of", "rwanda", [D12], note="Minister of State for Regional Integration")
rel("kabarebe", "member_of", "rdf", [D12], optional=True, note="retired general")
rel("kabarebe", "allied_with", "m23", [D12], optional=True, note="coordinates RDF support")
rel("kanyuka", "member_of", "m23", [D12], note="spokesman for the M23")
rel("kanyuka", "member_of", "afc", [D12], note="and for the Congo River Alliance")
rel("kanyuka", "leader_of", "kingston_fresh", [D12], note="owned and directed by Kanyuka")
rel("kanyuka", "leader_of", "kingston_holding", [D12], note="owned and managed by Kanyuka")
rel("kingston_fresh", "based_in", "uk", [D12])
rel("kingston_holding", "based_in", "paris|france", [D12])
rel("bradley_smith", "member_of", "us_treasury", [D12], note="acting Under Secretary")
rel("kamba", "member_of", "drc", [D12], note="Congo's health minister")

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

# A
ev("ASSAULT", "2024-11-27", ["hts"], ["syria|assad"], [D1, D4], "idlib", accept=["MOBILIZE"],
   note="offensive launched from Idlib on November 27 (D1) / ۷ آذر ۱۴۰۳ (D4)")
ev("ASSAULT", "2024-11", ["hts"], ["syria"], [D1], "aleppo", optional=True, accept=["MOBILIZE", "COERCE"],
   note="Aleppo fell 'within three days'")
ev("ASSAULT", "2024-12-05", ["hts"], ["syria"], [D1], "hama", optional=True, accept=["MOBILIZE", "COERCE"], note="Hama, Thursday")
ev("ASSAULT", "2024-12-07", ["hts"], ["syria"], [D1], "homs", optional=True, accept=["MOBILIZE", "COERCE"], note="Homs, late Saturday")
ev("ASSAULT", "2024-12-08", ["hts|jolani"], ["syria|assad"], [D1, D2, D3, D4, D5], "damascus", accept=["MOBILIZE", "COERCE"],
   note="rebels take Damascus; ۱۸ آذر (D4); فجر الثامن (D5)")
ev("RETREAT", "2024-12-08", ["assad"], [], [D1, D2, D5], "damascus", optional=True, accept=["CONCEDE", "MOBILIZE"],
   note="Assad leaves Damascus (how and when is disputed)")
ev("SUPPORT", "2024-12-08", ["russia"], ["assad"], [D1, D5], "moscow", accept=["AID", "COOPERATE", "AGREE"],
   note="Russia grants Assad asylum (Kremlin source)")
ev("AID", "2024-12-08", ["russia"], ["assad"], [D2, D5], "hmeimim", optional=True, accept=["MOBILIZE", "COOPERATE", "RETREAT"],
   note="Russia evacuates Assad from Hmeimim on the evening of 8 December (Assad's account)")
ev("ASSAULT", "2024-12-08", [], ["russia"], [D2, D5], "hmeimim", note="drone attacks on the Hmeimim base (Assad's statement)")
ev("CONCEDE", "2024-12-08", ["hts"], [], [D1], "sednaya", optional=True, accept=["COERCE", "AID"],
   note="rebels free the prisoners of Sednaya")
ev("ASSAULT", "2024-12-08", [], ["iran"], [D1, D4], "iran_embassy|damascus", accept=["PROTEST", "COERCE"],
   note="Iranian embassy in Damascus stormed and ransacked")
ev("SUPPORT", "2024-12-08", ["iran|iran_mfa"], ["syria"], [D1, D4], optional=True, accept=["REQUEST", "CONSULT"],
   note="Iran's foreign ministry: Syria's future is for Syrians to decide")
ev("COOPERATE", "2024-12-08", ["al_jalali"], ["hts"], [D1], optional=True, accept=["AGREE", "CONCEDE", "CONSULT"],
   note="al-Jalali ready to cooperate with any chosen leadership")
ev("SUPPORT", "2024-12-08", ["biden|usa"], [], [D1], optional=True, accept=["PROTEST"], note="Biden: 'a fundamental act of justice'")
ev("ASSAULT", "2024-12-01", ["sna"], ["sdf"], [D1], "tal_rifaat", accept=["MOBILIZE", "COERCE"],
   note="SNA drove Kurdish-led forces out of Tal Rifaat 'a week earlier'")
ev("ASSAULT", "2024-12-09", ["sna"], ["sdf"], [D2], "manbij", accept=["MOBILIZE", "COERCE"], note="SNA took Manbij from the SDF")
ev("MOBILIZE", "2024-12-08", ["israel|idf"], ["syria"], [D1, D3], "golan", accept=["ASSAULT"],
   note="Israeli troops move into the buffer zone on the Golan Heights")
ev("REJECT", "2024-12-08", ["netanyahu|israel"], ["syria"], [D1, D3], optional=True, accept=["ACCUSE"],
   note="Netanyahu: the 1974 disengagement agreement has collapsed")
ev("SUPPORT", "2024-12-10", ["hts|jolani"], ["al_bashir"], [D2, D3, D5], optional=True, accept=["AGREE", "COOPERATE", "MOBILIZE"],
   note="Mohammed al-Bashir named caretaker prime minister")
ev("CONSULT", "2024-12-20", ["leaf|usa|us_state_dept"], ["jolani|hts"], [D2], "damascus", accept=["COOPERATE"],
   note="US delegation meets al-Sharaa in Damascus")
ev("CONCEDE", "2024-12-20", ["usa|leaf"], ["jolani"], [D2], accept=["AGREE", "REJECT", "SANCTION"],
   note="Washington will not pursue the $10 million reward")
ev("SANCTION", None, ["usa", "un", "turkey"], ["hts"], [D1, D2], optional=True, note="HTS still listed as a terrorist organisation")
ev("SANCTION", "2018-05", ["usa|us_state_dept"], ["hts"], [D2], note="State Department names HTS an alias of the Nusra Front FTO")
ev("SANCTION", "2017", ["usa|rfj"], ["jolani"], [D2], optional=True, accept=["ACCUSE", "REQUEST"],
   note="Rewards for Justice offers up to $10 million on Jolani")
ev("SUPPORT", "2013", ["jolani|nusra"], ["zawahiri|al_qaeda"], [D2], accept=["AGREE"], note="Jolani pledged allegiance to al-Zawahiri")
ev("REJECT", "2013", ["jolani|nusra"], ["al_baghdadi|isi"], [D2], optional=True, note="refused al-Baghdadi's absorption")
ev("REJECT", "2016-07", ["nusra"], ["al_qaeda"], [D2], optional=True, accept=["RETREAT"],
   note="renamed Jabhat Fateh al-Sham and announced no foreign ties")
ev("AGREE", "2017-01", ["nusra"], ["hts"], [D2], optional=True, accept=["COOPERATE"], note="merger forming HTS")
ev("ACCUSE", "2024-12-11", ["khamenei|iran"], ["usa", "israel", "turkey"], [D2, D4],
   note="Khamenei: a joint American and Zionist plan; a neighbouring government's role (۲۱ آذر)")
ev("REJECT", "2024-11-30", ["savett|white_house|usa"], [], [D2, D4], accept=["ACCUSE"],
   note="White House: the US 'has nothing to do with' the offensive (D4: 'earlier')")
ev("REJECT", "2024-12-16", ["assad"], [], [D2, D5], accept=["ACCUSE"],
   note="Assad's Telegram statement: departure not planned, evacuated by Russia")
ev("CONSULT", "2024-12-01", ["araghchi|iran"], ["assad|syria"], [D4], "damascus", note="Araghchi meets Assad in Damascus, ۱۱ آذر")
ev("CONSULT", "2024-12-02", ["araghchi|iran"], ["turkey"], [D4], "ankara", optional=True, note="Araghchi goes on to Ankara the next day")
ev("ASSAULT", "2024-12", ["israel|idf"], ["syria"], [D3, D4, D5], "damascus|homs|tartus|latakia|palmyra",
   note="about 480 strikes in 48 hours (IDF), 8-10 December")
ev("ASSAULT", "2024-12", ["israel|idf|israeli_navy"], ["syria"], [D3], "latakia|al_bayda",
   note="naval strike on al-Bayda and Latakia, night of 9-10 December")
ev("REJECT", "2024-12", ["idf|israel"], [], [D3], "damascus|golan", accept=["ACCUSE"],
   note="IDF denies advancing towards Damascus")
ev("PROTEST", "2024-12", ["saudi_arabia", "egypt", "qatar", "turkey"], ["israel"], [D3], "golan", accept=["ACCUSE"],
   note="condemnation of the incursion into the buffer zone")
ev("REQUEST", "2024-12", ["pedersen|un"], ["israel"], [D3], accept=["PROTEST", "ACCUSE"], note="Pedersen: strikes and ground move must stop")
ev("ACCUSE", "2024-12", ["iran|iran_mfa"], ["israel"], [D3], optional=True, accept=["PROTEST"], note="Western silence")
ev("REQUEST", "2024-12", ["jolani|hts"], [], [D5], optional=True, accept=["SUPPORT", "AGREE"],
   note="al-Sharaa: factions will be dissolved and join the defence ministry")
# B
ev("ACCUSE", "2023-06-23", ["prigozhin|wagner"], ["russia_mod|russia"], [D6, D9],
   note="Prigozhin accuses the army of a missile strike on Wagner camps (Friday evening)")
ev("ASSAULT", "2023-06-23", ["russia_mod|russia"], ["wagner"], [D6, D9], optional=True, note="the alleged strike itself")
ev("REJECT", "2023-06", ["russia_mod|russia"], ["prigozhin|wagner"], [D6, D9], accept=["ACCUSE"],
   note="MoD: 'does not correspond to reality', a provocation")
ev("ASSAULT", "2023-06-24", ["wagner|prigozhin"], ["southern_md|russia_mod|russia"], [D6, D8, D9], "rostov",
   accept=["COERCE", "MOBILIZE"], note="Wagner seizes the Southern Military District HQ in Rostov-on-Don")
ev("MOBILIZE", "2023-06-24", ["wagner|prigozhin"], ["russia|russia_mod"], [D6, D8, D9], "moscow|voronezh|m4",
   accept=["ASSAULT", "THREATEN"], note="the march on Moscow")
ev("REQUEST", "2023-06-24", ["prigozhin"], ["shoigu", "gerasimov", "russia"], [D6, D9], accept=["THREATEN"],
   note="demands that Shoigu and Gerasimov be handed over")
ev("THREATEN", "2023-06-24", ["putin|russia"], ["prigozhin|wagner"], [D6, D9], accept=["ACCUSE"],
   note="Putin: 'treason', 'a stab in the back'; organisers will be punished")
ev("COERCE", "2023-06", ["fsb|russia"], ["prigozhin"], [D6, D9], accept=["ACCUSE"],
   note="criminal case for armed mutiny opened overnight")
ev("ASSAULT", "2023-06-24", ["russia|russia_mod"], ["wagner"], [D6], "m4|voronezh", note="military aircraft attack the column")
ev("ASSAULT", "2023-06-24", ["wagner"], ["russia|russia_mod"], [D6, D9], optional=True,
   note="Prigozhin: his men shot down three helicopters; at least 13 airmen killed (bloggers)")
ev("AGREE", "2023-06-24", ["prigozhin|wagner"], ["lukashenko|belarus|putin|russia"], [D6, D7, D8, D9], accept=["CONSULT", "CONCEDE"],
   note="the Lukashenko-brokered deal")
ev("RETREAT", "2023-06-24", ["wagner|prigozhin"], [], [D6, D9], "rostov|moscow", accept=["CONCEDE"],
   note="columns turn back; Wagner leaves Rostov overnight")
ev("CONCEDE", "2023-06-24", ["russia|peskov|putin"], ["prigozhin|wagner"], [D6, D9], accept=["AGREE"],
   note="criminal case to be closed, no charges for fighters")
ev("CONSULT", "2023-06", ["blinken|usa"], ["g7"], [D6], optional=True, note="Blinken speaks with G7 counterparts")
ev("ASSAULT", "2023-05", ["wagner"], ["ukraine"], [D6], "bakhmut", optional=True, note="capture of Bakhmut")
ev("ACCUSE", None, ["prigozhin"], ["shoigu", "gerasimov"], [D6], optional=True, note="incompetence, ammunition")
ev("AID", None, ["russia|russia_mod|putin"], ["wagner"], [D7], accept=["SUPPORT"],
   note="the state fully funded Wagner: 86.262 billion roubles, May 2022-May 2023 (Putin, 27 June)")
ev("SANCTION", "2023-06-27", ["usa|us_treasury|ofac"], ["midas", "diamville", "irgt", "llc_dm", "ivanov"], [D7],
   note="OFAC designates four companies and Andrey Ivanov")
ev("CONSULT", "2023-06-29", ["putin|russia"], ["prigozhin|wagner"], [D7, D8], "moscow",
   note="Putin receives Prigozhin and 35 commanders in the Kremlin")
ev("MOBILIZE", "2023-07", ["wagner"], ["belarus"], [D7], "tsel|mogilev|belarus", accept=["COOPERATE", "AID"],
   note="Wagner fighters move to a camp near Tsel")
ev("AID", "2023-07", ["wagner"], ["belarus"], [D7], optional=True, accept=["COOPERATE"], note="training the Belarusian army")
ev("ASSAULT", "2023-08-23", [], ["prigozhin", "utkin", "chekalov", "wagner"], [D7, D8], "kuzhenkino|tver",
   note="the jet crash that killed all ten aboard; cause disputed")
ev("ACCUSE", "2023-08", ["usa"], ["russia"], [D7, D8], accept=["REJECT"],
   note="US officials: preliminary assessment of an intentional explosion")
ev("REJECT", "2023-08-25", ["peskov|russia"], ["usa"], [D7, D8], note="Peskov: 'an absolute lie'")
ev("SUPPORT", "2023-08-24", ["putin"], ["prigozhin"], [D7, D8], optional=True, note="condolences; 'talented man'")
ev("COERCE", "2023-08", ["investigative_committee"], [], [D7, D8], "tver|kuzhenkino", optional=True, accept=["ACCUSE"],
   note="criminal case opened into the crash")
# C
ev("COERCE", "2024-08-08", ["military_court|drc"], ["nangaa", "makenga", "bisimwa", "mamba", "nkuba"], [D10], "ndolo|kinshasa",
   mode="sentence", note="death sentences (most in absentia)")
ev("COERCE", "2024-08-08", ["military_court|drc"], ["ngoma"], [D10], optional=True, note="Ngoma stripped of his rank")
ev("COERCE", "2024-08-08", ["military_court|drc"], ["baseane"], [D10], optional=True, note="20 years for Baseane")
ev("THREATEN", "2024-08", ["mutamba|drc"], ["nangaa"], [D10], optional=True, accept=["REQUEST", "COERCE"],
   note="international arrest warrants would follow")
ev("AGREE", "2023-12", ["nangaa"], ["afc"], [D10], "nairobi", optional=True, accept=["MOBILIZE", "COOPERATE"],
   note="Nangaa announces the AFC in Nairobi")
ev("PROTEST", "2023-12", ["drc"], ["kenya"], [D10], accept=["SANCTION", "COERCE", "REJECT"],
   note="Kinshasa recalls its ambassador to Kenya")
ev("ASSAULT", "2012-11", ["m23"], ["drc"], [D10], "goma", optional=True, note="M23 held Goma for about ten days")
ev("ACCUSE", "2024-07", ["un_experts|un"], ["rwanda"], [D10, D11], note="UN Group of Experts: 3,000-4,000 Rwandan soldiers")
ev("REJECT", None, ["rwanda|makolo"], ["un_experts|un|drc"], [D10, D11, D12], note="Rwanda denies backing the M23")
ev("ACCUSE", None, ["rwanda|makolo"], ["drc|fardc"], [D10, D11], note="Rwanda: the Congolese army works with the FDLR")
ev("REJECT", None, ["drc"], ["rwanda"], [D10, D11], note="Kinshasa denies working with the FDLR")
ev("SANCTION", None, ["usa"], ["nangaa", "makenga"], [D10], optional=True, note="already under US sanctions")
ev("SANCTION", None, ["usa", "un"], ["m23"], [D12], optional=True, note="M23 under US and UN sanctions for years")
ev("AGREE", "2024-08-04", ["drc", "rwanda"], ["angola"], [D10], accept=["COOPERATE"], note="Angola-brokered ceasefire")
ev("ASSAULT", "2025-01", ["m23|afc|rwanda|rdf"], ["drc"], [D11, D12], "goma",
   note="M23 enters Goma on 26 January, claims it on 27 January")
ev("ASSAULT", "2025-01", [], ["cirimwami"], [D11], "sake", note="the military governor killed at the front near Sake")
ev("PROTEST", "2025-01-28", [], ["rwanda", "france", "belgium", "usa", "uganda", "kenya"], [D11], "kinshasa",
   accept=["ASSAULT"], note="crowds attack embassies in Kinshasa")
ev("PROTEST", "2025-01", ["barrot|france"], [], [D11], optional=True, accept=["ACCUSE"], note="Barrot: attacks unacceptable")
ev("REQUEST", "2025-01", ["muyaya|drc"], [], [D11], optional=True, note="Muyaya urges calm")
ev("SANCTION", None, ["drc"], ["rwanda"], [D11], accept=["COERCE", "REJECT", "PROTEST"],
   note="Kinshasa had broken off diplomatic relations with Kigali")
ev("AGREE", "2025-02-03", ["afc|m23"], [], [D11], accept=["CONCEDE", "RETREAT", "COOPERATE"],
   note="unilateral ceasefire announced on Monday, from Tuesday")
ev("REJECT", "2025-02", ["drc"], ["afc|m23"], [D11], accept=["ACCUSE"], note="Kinshasa calls the ceasefire a lie")
ev("ASSAULT", "2025-02-05", ["m23|afc"], ["drc"], [D11], "nyabibwe|south_kivu", note="fighting in South Kivu; Nyabibwe reportedly taken")
ev("ASSAULT", "2025-02-16", ["m23|afc"], ["drc"], [D12], "bukavu", note="Bukavu taken on 16 February")
ev("CONCEDE", None, [], ["rdf|rwanda"], [D11], "goma|kigali", optional=True, accept=["RETREAT", "COERCE"],
   note="about 280 Romanian contractors surrender and are taken to Kigali")
ev("REQUEST", "2025-02", ["icc"], [], [D11], optional=True, note="ICC prosecutor asks parties to share information")
ev("SANCTION", "2025-02-20", ["usa|us_treasury|ofac"], ["kabarebe", "kanyuka", "kingston_fresh", "kingston_holding"], [D12],
   note="OFAC designations under E.O. 13413")
ev("REQUEST", "2025-02-20", ["usa|us_treasury"], ["rwanda"], [D12], accept=["ACCUSE"],
   note="Washington calls on Rwanda to withdraw its forces and return to the Luanda Process")
ev("ACCUSE", "2025-02-20", ["usa|us_treasury|ofac"], ["rwanda|kabarebe"], [D12], optional=True,
   note="Treasury: RDF support for the M23")
ev("REJECT", "2025-02", ["rwanda|rwanda_mfa"], ["usa"], [D12], accept=["PROTEST", "ACCUSE"], note="Rwanda calls the sanctions unjustified")
ev("AID", None, ["rwanda|rdf|kabarebe"], ["m23"], [D10, D11, D12], optional=True, accept=["SUPPORT", "MOBILIZE"],
   note="Rwanda's backing of the M23 (disputed)")

# ================= quantities
Q = []
def q(subject, unit, value, attributed_to, docs, qualifier=None, note=None):
    x = {"subject": subject, "unit": unit, "value": value, "attributed_to": attributed_to, "docs": docs}
    if qualifier: x["qualifier"] = qualifier
    if note: x["note"] = note
    Q.append(x)

# A
q("syria|hts", "people", 514, "sohr", [D1], note="dead in the first five days")
q("syria|hts", "civilians", 92, "sohr", [D1])
q("jolani|rfj|usa", "dollars", 10000000, None, [D2], qualifier="up to", note="reward offered in 2017")
q("israel|idf|syria", "strikes", 480, "idf|israel", [D3], qualifier="about")
q("israel|idf|syria", "strikes", 300, "sohr", [D3], qualifier="more than")
q("israel|idf|syria", "strikes", 480, "idf|israel", [D4], qualifier="about", note="Persian digits: حدود ۴۸۰ حمله")
q("syria|hts", "civilians", 92, "sohr", [D5], note="first five days")
q("syria|hts", "civilians", 149, "snhr", [D5], note="27 November - 3 December")
q("syria|israeli_navy|idf", "vessels", 15, "idf|israel", [D3])
q("idf|israel|damascus", "km", 25, "sohr", [D3], qualifier="about", note="distance of Israeli forces from Damascus")
# B
q("prigozhin|lukashenko", "years", 20, "peskov", [D6], qualifier="about")
q("wagner", "fighters", 25000, "prigozhin", [D6], note="men Prigozhin said he had")
q("wagner|russia", "helicopters", 3, "prigozhin", [D6], note="'three helicopters'")
q("russia|russia_mod", "people", 13, "anonymous", [D6], qualifier="at least", note="airmen killed, per military bloggers")
q("wagner|moscow", "km", 200, "prigozhin", [D6], qualifier="within")
q("wagner|russia", "roubles", 86262000000, "putin", [D7], note="paid May 2022-May 2023")
q("concord", "roubles", 80000000000, "putin", [D7])
q("midas|diamville|irgt|llc_dm", "companies", 4, "ofac|us_treasury", [D7], note="'four gold-trading and mining companies'")
q("wagner", "commanders", 35, None, [D7], note="received in the Kremlin")
q("kuzhenkino|prigozhin", "people", 10, None, [D7], note="'All ten people on board'")
q("kuzhenkino|prigozhin", "passengers", 7, None, [D7], note="'seven passengers'")
q("kuzhenkino|prigozhin", "crew", 3, None, [D7], note="'three crew'")
q("kuzhenkino|prigozhin", "people", 10, "investigative_committee", [D8], note="'всех десяти погибших'")
q("kuzhenkino|prigozhin", "passengers", 7, None, [D8], note="'семь пассажиров'")
q("kuzhenkino|prigozhin", "crew", 3, None, [D8], note="'три члена экипажа'")
q("wagner", "commanders", 35, None, [D8])
q("prigozhin|lukashenko", "years", 20, "peskov", [D9], qualifier="about", note="'təxminən 20 ildir'")
q("wagner", "fighters", 25000, "prigozhin", [D9], note="'25 min döyüşçü'")
q("russia|russia_mod", "people", 13, "anonymous", [D9], qualifier="at least", note="pilots killed, per military bloggers")
q("wagner|russia", "helicopters", 3, "prigozhin", [D9], note="'üç helikopter'")
q("wagner|moscow", "km", 200, "prigozhin", [D9])
# C
q("nangaa", "people", 25, None, [D10], note="co-defendants")
q("nangaa|afc|m23", "dollars", 1000000000, "military_court", [D10], note="reparations")
q("baseane", "years", 20, None, [D10], note="sentence")
q("rwanda|rdf|m23", "soldiers", 3000, "un_experts|un", [D10], qualifier="between", note="lower bound")
q("rwanda|rdf|m23", "soldiers", 4000, "un_experts|un", [D10], note="upper bound")
q("goma", "people", 3000, "un|van_de_perre|monusco", [D11], qualifier="nearly", note="killed")
q("goma", "bodies", 2000, "van_de_perre|monusco|un", [D11], note="collected from the streets")
q("goma", "bodies", 900, "van_de_perre|monusco|un", [D11], note="in hospital morgues")
q("goma", "people", 773, "un|drc", [D11], note="first provisional toll")
q("goma", "bodies", 900, "who", [D11], qualifier="at least", note="WHO count")
q("goma", "people", 2900, "who", [D11], qualifier="nearly", note="wounded")
q("goma|monusco", "soldiers", 13, None, [D11], note="foreign soldiers killed by January 26")
q("goma|monusco", "soldiers", 9, None, [D11], note="'nine South Africans'")
q("goma|monusco", "soldiers", 3, None, [D11], note="'three Malawians'")
q("goma|monusco", "soldiers", 17, None, [D11], note="toll two days later")
q("rwanda|rdf|m23", "troops", 4000, "un_experts|un", [D11], qualifier="about")
q("rdf|goma", "people", 280, "rdf", [D11], qualifier="about", note="Romanian contractors")
q("goma", "people", 1000000, None, [D11], qualifier="more than", note="population")
q("m23|monusco", "peacekeepers", 3, "us_treasury|usa|ofac", [D12], note="'three UN peacekeepers'")
q("goma", "people", 3000, "un", [D12], qualifier="nearly")
q("goma", "people", 8500, "kamba|drc", [D12], qualifier="more than", note="buried since January")
q("goma", "people", 5700, "kamba|drc", [D12], qualifier="more than", note="wounded")
q("kingston_fresh|kingston_holding", "percent", 50, None, [D12], qualifier="or more", note="ownership threshold")

# ================= contradictions
C = []
def con(subject, about, a, b, docs):
    C.append({"subject": subject, "about": about, "texts": [[a], [b]], "docs": docs})

con("assad", "Assad's departure: fled Damascus by plane before the rebels arrived (army officers) vs his statement: not planned, stayed until the early hours, evacuated from Hmeimim that evening",
    "before the fighters reached it|flown out of Damascus before the rebels arrived|قبل وصول المقاتلين إليها",
    "was neither planned|stayed in Damascus until the early hours|لم تكن مخططاً لها|بقي في دمشق", [D1, D2, D5])
con("hts", "HTS says it cut its ties with al-Qaeda vs Washington never accepted the break and lists HTS as an alias of the Nusra Front",
    "says it cut those ties years ago|insists that the break with al-Qaeda was real|no longer had ties to any foreign organisation",
    "Washington has never accepted it|still list it as a terrorist organisation|name HTS as an alias", [D1, D2])
con("usa", "Khamenei: the fall of Assad was a joint American-Zionist plan vs the White House: the US has nothing to do with the offensive",
    "joint American and Zionist plan|نقشه مشترک آمریکایی و صهیونیستی",
    "has nothing to do with|هرگونه نقش آمریکا در این حمله را رد کرده بود", [D2, D4])
con("israel", "Israeli strikes 8-10 December: about 480 (IDF; in Persian digits in D4) vs more than 300 (SOHR)",
    "about 480 strikes|حدود ۴۸۰ حمله", "more than 300", [D3, D4])
con("syria", "Civilians killed in the first week of the offensive: 92 (SOHR, first five days) vs 149 (SNHR, 27 Nov - 3 Dec)",
    "92 of them civilians|مقتل 92 مدنياً", "مقتل 149 مدنياً", [D1, D5])
con("idf", "Israeli ground forces: beyond the buffer zone, about 25 km from Damascus (SOHR) vs the IDF denies advancing towards Damascus",
    "about 25 kilometres from Damascus|pushed beyond the zone",
    "denied that its forces were advancing towards Damascus|remained inside the buffer zone", [D3])
con("wagner", "Prigozhin says the army struck Wagner's camps vs the Defence Ministry says the reports do not correspond to reality",
    "accused the army of a missile strike|raket zərbəsi endirməkdə ittiham edib",
    "not correspond to reality|reallığa uyğun olmadığını", [D6, D9])
con("wagner", "Moscow denied for years any link to Wagner vs Putin: the state fully funded the group",
    "denied any link to PMC Wagner", "fully funded by the state", [D7])
con("prigozhin", "The deal sends Prigozhin to Belarus vs he stayed in Russia (Lukashenko: in St Petersburg, not in Belarus; received in the Kremlin)",
    "will move to Belarus|supposed to send Prigozhin to Belarus|Priqojin Belarusa gedəcək",
    "not on the territory of Belarus|не уехал в Белоруссию сразу", [D6, D7, D8, D9])
con("prigozhin", "The crash: US assessment of an intentional explosion vs the Kremlin calls claims of its involvement an absolute lie",
    "intentional explosion|намеренного взрыва", "absolute lie|абсолютной ложью", [D7, D8])
con("goma", "Goma toll: 773 (first), at least 900 (WHO) vs nearly 3,000 (UN)",
    "toll of 773|at least 900 bodies", "Nearly 3,000 people were killed", [D11])
con("goma", "Goma toll: nearly 3,000 (UN) vs more than 8,500 buried (Congo's health minister)",
    "nearly 3,000", "more than 8,500", [D12])
con("monusco", "Foreign soldiers killed: 13 by January 26 vs 17 two days later",
    "13 foreign soldiers", "stood at 17", [D11])
con("rwanda", "Rwandan troops with the M23 (UN experts; 'Rwanda-backed') vs Rwanda denies backing the M23",
    "between 3,000 and 4,000 Rwandan soldiers|about 4,000 Rwandan troops|coordinating the RDF's support",
    "Rwanda denies backing the M23|Rwanda denies supporting the group|Kigali denies that its army supports", [D10, D11, D12])
con("afc", "The AFC/M23 declares a ceasefire vs Kinshasa calls it a lie, and fighting resumes",
    "announced a ceasefire", "called the announcement a lie|heavy fighting broke out", [D11])
con("fdlr", "Rwanda says the Congolese army works with the FDLR vs Kinshasa denies it",
    "accuses the Congolese army of working with|accuses Kinshasa of working with the FDLR",
    "Kinshasa denies that charge|Congo rejects that accusation", [D10, D11])

gold = {"corpus": "examples/blind4/corpus", "documents": DOCS, "entities": E, "relations": R,
        "events": V, "quantities": Q, "contradictions": C}
json.dump(gold, open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print({k: len(v) for k, v in gold.items() if isinstance(v, list)})
