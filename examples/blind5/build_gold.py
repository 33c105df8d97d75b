#!/usr/bin/env python3
"""Writes gold.json for the blind5 set. Edit here, re-run, then run check_gold.py."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
D1 = "01_qarabag-antiterror-tedbirleri.txt"                 # az, 2023-09-21
D2 = "02_iskhod-iz-karabakha-i-arest-vardanyana.txt"        # ru, 2023-10-02
D3 = "03_dtx-kecmis-separatci-rehberleri-saxlayib.txt"      # az, 2023-10-05
D4 = "04_armeniya-delo-galstanyana.txt"                     # ru, 2025-06-28
D5 = "05_kerman-vezarat-ettelaat-tajik.txt"                 # fa, 2024-01-06
D6 = "06_baghdad-tastadi-safiraha-erbil.txt"                # ar, 2024-01-17
D7 = "07_minrazvedki-irana-kerman-tadzhiki.txt"             # ru, 2024-01-12
D8 = "08_sepah-erbil-ve-idlibe-zerbe.txt"                   # az, 2024-01-17
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

# ---------------- countries
cty("azerbaijan", ["Azərbaycan"],
    ["Azerbaijan", "Azərbaycanın", "Azərbaycan Respublikası", "Azərbaycan Respublikasının", "Азербайджан",
     "Азербайджана", "Азербайджаном", "Rəsmi Bakı", "Bakı", "Bakının", "Баку"])
cty("armenia", ["Ermənistan"],
    ["Armenia", "Ermənistanın", "Ermənistana", "Армения", "Армении", "Армению", "Yerevan", "Ереван"])
cty("russia", ["Rusiya"], ["Russia", "Россия", "России", "Москва", "Moscow", "Kremlin", "Кремль"])
cty("iran", ["ایران", "إيران", "İran", "Иран"],
    ["Iran", "جمهوری اسلامی ایران", "İranın", "Ирана", "Tehran", "Тегеран", "Тегерана", "طهران", "Tehrandakı"])
cty("iraq", ["العراق", "İraq"], ["Iraq", "İraqın", "Bağdad", "Bağdada", "بغداد"])
cty("usa", ["آمریکا", "ایالات متحده", "США", "ABŞ"],
    ["United States", "US", "U.S.", "Вашингтон", "واشنطن", "Washington", "الولايات المتحدة"])
cty("israel", ["Израиль", "İsrail"], ["Israel", "İsrailin", "إسرائيل", "رژیم صهیونیستی", "Zionist regime"])
cty("tajikistan", ["تاجیکستان", "Tacikistan"], ["Tajikistan", "Таджикистан", "Таджикистана"])
cty("syria", ["سوريا"], ["Syria", "Suriya", "Suriyanın", "سوریه"])
cty("afghanistan", ["Афганистан", "Əfqanıstan"], ["Afghanistan", "افغانستان"])
cty("pakistan", ["Pakistan"], ["İslamabad", "Islamabad"], optional=True)

# ---------------- cluster A: Karabakh 2023 and Armenia 2025 (D1-D4)
org("az_mod", ["Müdafiə Nazirliyi", "MN", "Министерство обороны Азербайджана"], "government",
    ["Azərbaycan Respublikasının Müdafiə Nazirliyi", "Müdafiə Nazirliyinin", "Минобороны Азербайджана",
     "Azerbaijani Defence Ministry", "Ministry of Defence of Azerbaijan"])
org("az_health", ["Azərbaycan Səhiyyə Nazirliyi", "Министерство здравоохранения Азербайджана"], "government",
    ["Səhiyyə Nazirliyi", "Минздрав Азербайджана", "Azerbaijani Health Ministry"])
org("dtx", ["Dövlət Təhlükəsizliyi Xidməti", "DTX", "Служба государственной безопасности Азербайджана", "СГБ"],
    "government", ["DTX-nin", "State Security Service", "Службе государственной безопасности Азербайджана",
                   "Служба государственной безопасности", "СГБ Азербайджана"])
org("az_border", ["Dövlət Sərhəd Xidməti"], "government",
    ["Государственная пограничная служба Азербайджана", "Государственной пограничной службы Азербайджана",
     "State Border Service", "Госпогранслужба"])
org("az_prosecutor", ["Baş Prokurorluq"], "government", ["Prosecutor General's Office", "Baş Prokurorluğun"])
org("az_pres_admin", ["Azərbaycan Prezidentinin Administrasiyası"], "government",
    ["Prezidentinin Administrasiyası", "Presidential Administration"], optional=True)
org("milli_majlis", ["Milli Məclis"], "government", ["Milli Məclisin", "Milli Majlis"], optional=True)
org("az_mia", ["Daxili İşlər Nazirliyi"], "government", ["Daxili İşlər Nazirliyinin"], optional=True)
per("aliyev", ["İlham Əliyev", "Əliyev", "Ильхам Алиев"], ["Ilham Aliyev", "Aliyev", "Алиев", "Əliyevin"])
per("ramin_mammadov", ["Ramin Məmmədov"], ["Ramin Mammadov"])
org("arm_mod", ["Ermənistan Müdafiə Nazirliyi", "Минобороны Армении"], "government",
    ["Министерство обороны Армении", "Armenian Defence Ministry"])
org("arm_mfa", ["Ermənistan Xarici İşlər Nazirliyi", "Ermənistan XİN", "МИД Армении"], "government",
    ["XİN", "Министерство иностранных дел Армении", "Armenian Foreign Ministry"])
org("arm_ic", ["Следственный комитет Армении"], "government", ["СК", "Investigative Committee of Armenia",
                                                               "Следственный комитет"])
org("arm_nss", ["Служба национальной безопасности", "СНБ"], "government",
    ["Служба национальной безопасности Армении", "СНБ Армении", "National Security Service"])
per("pashinyan", ["Nikol Paşinyan", "Никол Пашинян", "Пашинян"], ["Nikol Pashinyan", "Paşinyan", "Пашиняна"])
org("ru_mod", ["Rusiya Müdafiə Nazirliyi"], "government",
    ["Минобороны России", "Министерство обороны России", "Russian Defence Ministry"], optional=True)
org("peacekeepers", ["Rusiya sülhməramlı kontingenti", "Российский миротворческий контингент"], "government",
    ["российских миротворцев", "Rusiya sülhməramlıları", "Rusiya sülhməramlılarının", "Russian peacekeepers",
     "Russian peacekeeping contingent"])
per("putin", ["Vladimir Putin"], ["Putin", "Владимир Путин"])
org("nkr", ["НКР"], "government",
    ["Нагорно-Карабахская Республика", "Nagorno-Karabakh Republic", "Artsakh", "Арцах", "непризнанной республики"])
org("nk_army", ["Müdafiə Ordusu"], "armed_group",
    ["Армия обороны Нагорного Карабаха", "Defence Army", "Artsakh Defence Army"])
per("vardanyan", ["Ruben Vardanyan", "Рубен Варданян"],
    ["Vardanyan", "Vardanyana", "Варданян", "Варданяна", "Варданяну", "Рубена Варданяна"])
per("zonabend", ["Вероника Зонабенд"], ["Veronika Zonabend", "Зонабенд"])
per("harutyunyan", ["Arayik Harutyunyan", "Harutyunyan"], ["Araik Harutyunyan", "Араик Арутюнян"])
per("ghukasyan", ["Arkadi Qukasyan", "Qukasyan"], ["Arkadi Ghukasyan", "Arkady Ghukasyan", "Аркадий Гукасян"])
per("sahakyan", ["Bako Saakyan", "Saakyan"], ["Bako Sahakyan", "Бако Саакян"])
per("ishkhanyan", ["David İşxanyan"], ["Davit Ishkhanyan", "İşxanyana", "İşxanyan", "Давид Ишханян"])
per("mnatsakanyan", ["Levon Mnatsakanyan"], ["Mnatsakanyan"])
per("babayan", ["David Babayan", "Babayan"], ["Davit Babayan"])
per("shahramanyan", ["Samvel Şahramanyan", "Самвел Шахраманян"], ["Samvel Shahramanyan", "Шахраманян"])
per("stepanyan", ["Gegam Stepanyan", "Гегам Степанян", "Степанян"], ["Gegham Stepanyan"])
org("echr", ["ЕСПЧ"], "other", ["European Court of Human Rights", "Европейский суд по правам человека"], optional=True)
plc("karabakh", ["Qarabağ", "Карабах"],
    ["Qarabağda", "Qarabağdan", "Qarabağın", "Qarabağdakı", "Qarabağ iqtisadi rayonu", "Нагорный Карабах",
     "Нагорного Карабаха", "Нагорном Карабахе", "Карабаха", "Карабахе", "Karabakh", "Nagorno-Karabakh"])
plc("khankendi", ["Xankəndi", "Степанакерт"], ["Степанакерта", "Khankendi", "Stepanakert"])
plc("askeran", ["Аскеран"], ["Askeran"], optional=True)
plc("lachin_cp", ["КПП «Лачин»"],
    ["Laçın sərhəd-buraxılış məntəqəsi", "Laçın sərhəd-buraxılış məntəqəsində", "Lachin checkpoint", "Лачин", "Laçın"])
plc("yevlakh", ["Yevlax"], ["Yevlaxda", "Yevlakh"])
plc("shusha", ["Şuşa"], ["Şuşaya", "Shusha"], optional=True)
plc("ganja", ["Gəncə"], ["Ganja"], optional=True)
plc("baku", ["Bakı", "Баку"], ["Bakıya", "Baku"])
plc("fuzuli", ["Füzuli"], ["Fuzuli"], optional=True)
plc("yerevan", ["Ереван"], ["Еревана", "Yerevan"], optional=True)
plc("tavush", ["Тавушской области"], ["Tavush", "Тавуш"], optional=True)
per("galstanyan", ["Баграт Галстанян", "Галстанян"], ["Баграта Галстаняна", "Галстаняна", "Bagrat Galstanyan"])
org("sacred_struggle", ["Священная борьба", "Тавуш во имя родины"], "other",
    ["Sacred Struggle", "Holy Struggle", "Tavush for the Homeland"])
org("church", ["Армянская апостольская церковь"], "religious",
    ["Армянской апостольской церкви", "Armenian Apostolic Church", "Тавушской епархии"])
per("karapetyan", ["Самвел Карапетян"], ["Карапетяна", "Карапетян", "Samvel Karapetyan"])
org("ena", ["Электрические сети Армении"], "company", ["Electric Networks of Armenia", "ENA"])
per("peskov", ["Дмитрий Песков"], ["Dmitry Peskov", "Песков"])
org("telegram", ["Telegram"], "company", optional=True)

# ---------------- cluster B: the Kerman bombing and the IRGC strikes (D5-D8)
org("irgc", ["سپاه پاسداران انقلاب اسلامی", "الحرس الثوري الإيراني", "الحرس الثوري",
             "İslam İnqilabı Keşikçiləri Korpusu", "SEPAH", "КСИР"], "government",
    ["IRGC", "Islamic Revolutionary Guard Corps", "Revolutionary Guards", "سپاه", "الحرس", "SEPAH-ın",
     "Корпус стражей исламской революции", "Корпуса стражей исламской революции"])
org("quds_force", ["نیروی قدس", "فيلق القدس"], "government", ["Quds Force", "силами «Кудс»", "Кудс"])
per("soleimani", ["قاسم سلیمانی", "سلیمانی", "قاسم سليماني", "Сулеймани"],
    ["Qasem Soleimani", "Soleimani", "Касема Сулеймани", "Касем Сулеймани", "Qasım Süleymani", "Qasım Süleymaninin"])
org("iran_intel", ["وزارت اطلاعات", "Министерство разведки Ирана", "Минразведки", "İran Kəşfiyyat Nazirliyi"],
    "government", ["وزارت اطلاعات جمهوری اسلامی ایران", "Минразведки Ирана", "Ministry of Intelligence",
                   "Iranian Intelligence Ministry"])
org("iran_moi", ["МВД Ирана"], "government", ["وزارت کشور", "Interior Ministry"], optional=True)
org("isis", ["داعش", "Исламское государство", "İŞİD", "الدولة الإسلامية"], "armed_group",
    ["گروه داعش", "تنظيم داعش", "تنظيم الدولة الإسلامية", "ИГ", "Islamic State", "ISIS", "İŞİD-in"])
org("isis_k", ["داعش خراسان", "ИГ-Хорасан", "İŞİD-Xorasan"], "armed_group",
    ["شاخه خراسان داعش", "ISIS-K", "ISKP", "Islamic State Khorasan", "Вилаят Хорасан"])
org("amaq", ["اعماق"], "media", ["خبرگزاری اعماق", "Amaq"])
org("irna", ["ایرنا"], "media", ["خبرگزاری ایرنا", "IRNA"])
org("reuters", ["رویترز", "Reuters"], "media", ["خبرگزاری رویترز"], optional=True)
per("vahidi", ["احمد وحیدی", "Ахмад Вахиди"], ["Ahmad Vahidi", "Вахиди", "وحیدی"])
per("jamshidi", ["محمد جمشیدی"], ["Mohammad Jamshidi", "جمشیدی"])
per("miller", ["متیو میلر", "ماثيو ميلر", "Мэтью Миллер", "Metyu Miller"], ["Matthew Miller", "Miller", "میلر"])
org("us_state_dept", ["وزارت خارجه آمریکا", "وزارة الخارجية الأمريكية"], "government",
    ["State Department", "Госдепартамент США", "Госдепартамента США", "ABŞ Dövlət Departamenti",
     "ABŞ Dövlət Departamentinin"])
per("khamenei", ["علی خامنه‌ای"], ["آیت‌الله علی خامنه‌ای", "خامنه‌ای", "Ali Khamenei", "Khamenei"])
per("raisi", ["ابراهیم رئیسی"], ["رئیسی", "Ebrahim Raisi", "Raisi"])
org("unsc", ["شورای امنیت سازمان ملل متحد", "مجلس الأمن الدولي"], "other",
    ["UN Security Council", "BMT Təhlükəsizlik Şurası", "BMT Təhlükəsizlik Şurasına", "Security Council"])
org("un", ["سازمان ملل متحد"], "other", ["United Nations", "UN", "BMT", "الأمم المتحدة", "ООН"], optional=True)
plc("central_asia", ["Центральной Азии"], ["Central Asia", "Центральная Азия"], optional=True)
per("bozrov", ["Бозров"], ["Bozrov"])
per("tajiki", ["Абдулла Таджики"], ["Abdullah Tajiki", "Abdollah Tajiki", "عبدالله تاجیکی"])
per("omar_muwahhid", ["عمر الموحد"], ["Omar al-Muwahhid"])
per("saifullah", ["سیف‌الله المجاهد"], ["Saifullah al-Mujahid", "سیف الله المجاهد"])
plc("kerman", ["کرمان", "كرمان", "Керман"], ["Кермане", "Kirman", "Kirmanda", "Kerman"])
plc("golzar", ["گلزار شهدای کرمان"], ["кладбища мучеников в Кермане", "кладбище мучеников", "Golzar-e Shohada"],
    optional=True)
plc("baghdad", ["بغداد"], ["Baghdad", "Bağdad", "Bağdaddakı"])
plc("erbil", ["أربيل", "Ərbil"], ["Erbil", "Irbil", "Ərbilə", "Ərbildə"])
plc("idlib", ["إدلب", "İdlib"], ["Idlib", "محافظة إدلب", "İdlibdə"])
plc("kurdistan", ["إقليم كردستان"], ["Kürdüstan bölgəsi", "Kürdüstan bölgəsinin", "Kurdistan Region", "الإقليم"])
org("krg", ["Kürdüstan Regional Hökuməti"], "government",
    ["Kurdistan Regional Government", "KRG", "حكومة الإقليم", "Kürdüstan Regional Hökumətinin"], optional=True)
org("krg_sc", ["مجلس أمن إقليم كردستان", "Kürdüstan Regional Hökumətinin Təhlükəsizlik Şurası"], "government",
    ["Kurdistan Region Security Council"])
per("barzani", ["مسرور بارزاني", "Məsrur Barzani"], ["Masrour Barzani", "Barzani"])
per("dizayee", ["بيشرو دزيي", "Dizayi"], ["Peshraw Dizayee", "Peşrəv Dizayi", "Peşrəv Dizayinin"])
org("iraq_mfa", ["وزارة الخارجية العراقية", "İraq Xarici İşlər Nazirliyi"], "government",
    ["وزارة الخارجية", "Iraqi Foreign Ministry"])
org("iran_mfa", ["وزارة الخارجية الإيرانية", "İran XİN"], "government", ["İran XİN-in", "Iranian Foreign Ministry"])
per("kanaani", ["ناصر كنعاني", "Nasir Kənani"], ["Nasser Kanaani", "Kanaani", "Kənani"])
per("abdul_mohsen", ["نصير عبد المحسن"], ["Naseer Abdul Mohsen", "Nasir Abdel Mohsen"])
per("araji", ["قاسم الأعرجي", "Qasim əl-Əraci"], ["Qasim al-Araji", "al-Araji", "الأعرجي"])
org("mossad", ["الموساد", "Mossad"], "government", ["Mossad-ın", "Моссад", "جهاز الموساد الإسرائيلي"])
org("iraq_cabinet", ["مجلس الوزراء"], "government", ["Iraqi cabinet"], optional=True)
plc("us_consulate_erbil", ["القنصلية الأمريكية في أربيل"], ["US consulate in Erbil"], optional=True)
plc("erbil_airport", ["مطار أربيل"], ["Erbil airport"], optional=True)
plc("davos", ["دافوس"], ["Davos"], optional=True)
plc("gaza", ["غزة"], ["Gaza"], optional=True)
plc("badakhshan", ["Бадахшан"], ["Badakhshan"], optional=True)
plc("van", ["Ван"], ["Van"], optional=True)
plc("shah_cheragh", ["Шах-Черах"], ["Shah Cheragh", "Ширазе", "Shiraz"], optional=True)
plc("sistan", ["Систан и Белуджистан"], ["Sistan and Baluchestan"], optional=True)
plc("khorasan_razavi", ["Хорасан-Резави"], ["Khorasan Razavi"], optional=True)
plc("isfahan", ["Исфахан"], ["Isfahan"], optional=True)
plc("west_azerbaijan", ["Западный Азербайджан"], ["West Azerbaijan"], optional=True)
plc("tehran", ["Тегеран"], ["Tehran"], optional=True)  # a province in the list of 07; also the dateline

# ================= relations
R = []
def rel(s, p, o, docs, optional=False, note=None):
    r = {"s": s, "p": p, "o": o, "docs": docs}
    if optional: r["optional"] = True
    if note: r["note"] = note
    R.append(r)

# A
rel("aliyev", "leader_of", "azerbaijan", [D1, D2, D3], note="Prezident İlham Əliyev / президент Ильхам Алиев")
rel("pashinyan", "leader_of", "armenia", [D1, D2, D3, D4], note="Baş naziri / Премьер-министр Армении")
rel("putin", "leader_of", "russia", [D1], note="Rusiya Prezidenti Vladimir Putin")
rel("ramin_mammadov", "member_of", "milli_majlis|azerbaijan", [D1], note="Milli Məclisin deputatı")
rel("az_mod", "member_of", "azerbaijan", [D1, D2, D3], optional=True)
rel("az_health", "member_of", "azerbaijan", [D2, D3], optional=True)
rel("dtx", "member_of", "azerbaijan", [D2, D3], optional=True)
rel("az_border", "member_of", "azerbaijan", [D2, D3], optional=True)
rel("az_prosecutor", "member_of", "azerbaijan", [D1, D3], optional=True)
rel("az_pres_admin", "member_of", "azerbaijan", [D1], optional=True)
rel("arm_mod", "member_of", "armenia", [D1, D2], optional=True)
rel("arm_mfa", "member_of", "armenia", [D1, D2, D3], optional=True)
rel("arm_ic", "member_of", "armenia", [D4], optional=True)
rel("arm_nss", "member_of", "armenia", [D4], optional=True)
rel("ru_mod", "member_of", "russia", [D1, D2], optional=True)
rel("peacekeepers", "member_of", "russia|ru_mod", [D1, D2], note="Rusiya sülhməramlı kontingenti / российских миротворцев")
rel("peacekeepers", "operates_in", "karabakh", [D1, D2], note="остаётся в регионе; Xankəndi yaxınlığında")
rel("nkr", "based_in|operates_in", "karabakh", [D1, D2, D3], optional=True)
rel("nk_army", "member_of", "nkr", [D1], optional=True)
rel("nk_army", "based_in|operates_in", "karabakh", [D1], optional=True)
rel("shahramanyan", "leader_of", "nkr", [D2, D3], note="глава непризнанной республики / separatçı rejimin rəhbəri")
rel("harutyunyan", "leader_of", "nkr", [D3], note="'prezident' adlandırılan keçmiş rəhbər")
rel("ghukasyan", "leader_of", "nkr", [D3])
rel("sahakyan", "leader_of", "nkr", [D3])
rel("ishkhanyan", "member_of|leader_of", "nkr", [D3], note="qondarma 'parlament'in sədri")
rel("babayan", "member_of", "nkr", [D3], note="keçmiş 'xarici işlər naziri'")
rel("mnatsakanyan", "leader_of|member_of", "nk_army|nkr", [D3], note="keçmiş 'ordu komandanı'")
rel("vardanyan", "member_of|leader_of", "nkr", [D2, D3], note="бывшего государственного министра НКР / keçmiş 'dövlət naziri'")
rel("zonabend", "associate_of", "vardanyan", [D2], note="Супруга Варданяна")
rel("stepanyan", "member_of", "nkr", [D1, D2], note="separatçı qurumun ombudsmanı / Омбудсмен Нагорного Карабаха")
rel("galstanyan", "leader_of", "sacred_struggle", [D4], note="лидера протестного движения «Священная борьба»")
rel("galstanyan", "member_of|leader_of", "church", [D4], note="глава Тавушской епархии Армянской апостольской церкви")
rel("sacred_struggle", "opposes", "pashinyan|armenia", [D4], note="потребовало отставки Пашиняна")
rel("galstanyan", "opposes", "pashinyan|armenia", [D4], optional=True)
rel("karapetyan", "leader_of", "ena", [D4], note="владелец компании «Электрические сети Армении»")
rel("peskov", "member_of", "russia", [D4], note="Пресс-секретарь президента России")
# B
rel("soleimani", "leader_of", "quds_force", [D5, D6, D7], note="فرمانده پیشین نیروی قدس / قائد فيلق القدس / командующего силами «Кудс»")
rel("quds_force", "member_of", "irgc", [D5, D7], note="نیروی قدس سپاه پاسداران / силами «Кудс» Корпуса стражей")
rel("soleimani", "member_of", "irgc", [D5, D7, D8], optional=True)
rel("irgc", "member_of", "iran", [D5, D6, D7, D8], optional=True)
rel("iran_intel", "member_of", "iran", [D5, D7, D8], optional=True)
rel("khamenei", "leader_of", "iran", [D5], note="رهبر جمهوری اسلامی")
rel("raisi", "leader_of", "iran", [D5], note="رئیس‌جمهور")
rel("vahidi", "member_of|leader_of", "iran|iran_moi", [D5, D7], note="وزیر کشور / глава МВД Ирана")
rel("jamshidi", "member_of", "iran", [D5], note="معاون سیاسی دفتر رئیس‌جمهور")
rel("miller", "member_of", "us_state_dept|usa", [D5, D6, D7, D8], note="سخنگوی وزارت خارجه آمریکا / Представитель Госдепартамента США")
rel("us_state_dept", "member_of", "usa", [D5, D6, D7, D8], optional=True)
rel("isis_k", "member_of", "isis", [D5, D7, D8], note="شاخه خراسان داعش / афганское крыло группировки / qruplaşmanın Əfqanıstan qolu")
rel("isis_k", "based_in|operates_in", "afghanistan", [D7, D8], note="афганское крыло / Əfqanıstan qolu")
rel("bozrov", "member_of", "isis|isis_k", [D7], note="прошёл подготовку в лагере группировки (per the ministry)")
rel("tajiki", "member_of", "isis|isis_k", [D7], optional=True)
rel("omar_muwahhid", "member_of", "isis", [D5], optional=True, note="named by IS as one of its two bombers")
rel("saifullah", "member_of", "isis", [D5], optional=True)
rel("amaq", "member_of|sponsored_by", "isis", [D5], optional=True)
rel("isis", "operates_in", "idlib|syria", [D6, D8], optional=True, note="IRGC's claim: IS positions in Idlib")
rel("mossad", "member_of", "israel", [D6, D8], note="جهاز الموساد الإسرائيلي / İsrail kəşfiyyatı Mossad")
rel("mossad", "operates_in|based_in", "erbil|kurdistan", [D6, D8], optional=True, note="IRGC's claim, denied")
rel("barzani", "leader_of", "krg|kurdistan", [D6, D8], note="رئيس حكومة الإقليم / regional hökumətin baş naziri")
rel("krg_sc", "member_of", "krg|kurdistan", [D6, D8], optional=True)
rel("krg", "based_in", "erbil", [D6, D8], optional=True)
rel("kanaani", "member_of", "iran_mfa|iran", [D6, D8], note="المتحدث باسم وزارة الخارجية الإيرانية / İran XİN-in sözçüsü")
rel("abdul_mohsen", "member_of", "iraq|iraq_mfa", [D6], note="سفير العراق لدى طهران")
rel("araji", "member_of", "iraq", [D6, D8], note="مستشار الأمن القومي / milli təhlükəsizlik müşaviri")
rel("iraq_mfa", "member_of", "iraq", [D6, D8], optional=True)
rel("iran_mfa", "member_of", "iran", [D6, D8], optional=True)
rel("unsc", "member_of", "un", [D5, D6, D8], optional=True)
rel("irna", "member_of|based_in", "iran", [D5], optional=True)
rel("iraq_cabinet", "member_of", "iraq", [D6], optional=True)

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

# A: the offensive, 19-20 September 2023
ev("ASSAULT", "2023-09-19", ["azerbaijan|az_mod"], ["nkr|nk_army|armenia"], [D1, D2, D3, D4], "karabakh",
   accept=["MOBILIZE", "COERCE"], note="'lokal xarakterli antiterror tədbirləri' launched on 19 September (D4: 'в сентябре 2023 года')")
ev("ASSAULT", "2023-09-19", [], ["azerbaijan"], [D1], "shusha|karabakh", mode="explosives",
   note="two mine blasts on the Füzuli-Şuşa road: four police officers and two civilians killed")
ev("ACCUSE", "2023-09-19", ["azerbaijan"], ["nkr|nk_army"], [D1], optional=True,
   note="Baku: the mines were laid by illegal Armenian armed groups")
ev("ACCUSE", "2023-09", ["azerbaijan|az_mod"], ["armenia"], [D1, D2], accept=["THREATEN"],
   note="Baku: units of Armenia's armed forces remain in Karabakh")
ev("REJECT", "2023-09", ["arm_mod|armenia"], ["azerbaijan|az_mod"], [D1, D2],
   note="Armenia's defence ministry: no Armenian army units in Karabakh")
ev("ACCUSE", "2023-09", ["arm_mfa|armenia"], ["azerbaijan"], [D1], accept=["PROTEST"],
   note="Armenian foreign ministry: 'large-scale aggression'")
ev("AGREE", "2023-09-20", ["nkr|nk_army", "azerbaijan|peacekeepers"], [], [D1, D2], "karabakh",
   accept=["CONCEDE", "RETREAT", "COOPERATE"],
   note="ceasefire from 13:00 through the Russian peacekeepers; the separatists agree to lay down arms")
ev("ASSAULT", "2023-09-20", [], ["peacekeepers|russia"], [D1, D2], "khankendi|karabakh", mode="firearms",
   note="Russian peacekeepers' car fired on, five killed")
ev("CONSULT", "2023-09-21", ["aliyev|azerbaijan"], ["putin|russia"], [D1], accept=["CONCEDE", "COOPERATE"],
   note="Aliyev's phone call to Putin: condolences and apology")
ev("COERCE", "2023-09", ["azerbaijan"], [], [D1], optional=True, note="criminal case over the peacekeepers' deaths")
ev("CONSULT", "2023-09-21", ["azerbaijan|ramin_mammadov"], ["nkr"], [D1], "yevlakh", accept=["COOPERATE", "AGREE"],
   note="first reintegration meeting in Yevlakh")
ev("SUPPORT", "2023-09-20", ["aliyev"], [], [D1], optional=True, accept=["PROTEST"], note="address: sovereignty restored")
# A: after the offensive
ev("ASSAULT", "2023-09-25", [], [], [D2, D4], "khankendi|askeran", optional=True,
   note="fuel depot explosion near Stepanakert; cause not established (not an attack in the texts)")
ev("COERCE", "2023-09-27", ["az_border|azerbaijan"], ["vardanyan"], [D2, D3], "lachin_cp", mode="arrest",
   note="Vardanyan detained at the Lachin checkpoint")
ev("COERCE", "2023-09-28", ["dtx|azerbaijan"], ["vardanyan"], [D2, D3], "baku", optional=True, accept=["ACCUSE"],
   note="charges (financing terrorism ...) and four months' arrest")
ev("ACCUSE", "2023-09", ["zonabend"], ["azerbaijan"], [D2], optional=True, accept=["PROTEST"],
   note="the detention called a capture")
ev("REQUEST", None, ["arm_mfa|armenia"], ["azerbaijan|echr"], [D2], accept=["PROTEST", "ACCUSE"],
   note="Armenia's MFA: all measures for his return; application to the ECHR")
ev("CONCEDE", "2023-09-28", ["shahramanyan|nkr"], [], [D2, D3], accept=["RETREAT", "AGREE"],
   note="decree dissolving all institutions by 1 January 2024")
ev("ACCUSE", None, ["pashinyan|armenia"], ["azerbaijan"], [D2, D3], note="'ethnic cleansing'")
ev("REJECT", None, ["aliyev|azerbaijan"], ["pashinyan|armenia"], [D2, D3],
   note="Baku: nobody is forced to leave; rights and security promised")
ev("COERCE", "2023-09-29", ["azerbaijan|dtx"], ["mnatsakanyan", "babayan"], [D3], mode="arrest",
   note="Mnatsakanyan and Babayan detained")
ev("COERCE", "2023-10-03", ["dtx|azerbaijan"], ["ghukasyan", "sahakyan", "harutyunyan", "ishkhanyan"], [D3], "baku",
   mode="arrest", note="four former leaders detained and brought to Baku")
ev("ACCUSE", "2023-10-05", ["dtx|az_prosecutor"], ["harutyunyan|ghukasyan|sahakyan|ishkhanyan"], [D3], optional=True,
   accept=["COERCE"], note="charges announced")
ev("PROTEST", "2023-10", ["arm_mfa|armenia"], ["azerbaijan"], [D3], accept=["REJECT", "REQUEST", "ACCUSE"],
   note="Armenia's MFA: the detentions are illegal; calls on partners to react")
# A: Armenia, June 2025
ev("COERCE", "2025-06-25", ["arm_ic|armenia"], ["galstanyan"], [D4], mode="arrest",
   note="Galstanyan detained (14 detained in all)")
ev("ACCUSE", "2025-06-25", ["arm_ic|armenia"], ["galstanyan|sacred_struggle"], [D4], optional=True,
   note="plot to seize power and commit a terrorist act")
ev("COERCE", "2025-06", ["armenia"], ["galstanyan"], [D4], optional=True, note="courts remand 15 for two months")
ev("ACCUSE", "2025-06", ["pashinyan"], ["church|galstanyan"], [D4], note="'criminal-oligarchic clergy'")
ev("REJECT", None, ["galstanyan"], ["arm_ic|armenia"], [D4], note="his lawyer rejects the charges")
ev("PROTEST", None, ["church"], ["armenia|pashinyan"], [D4], optional=True, accept=["REJECT", "ACCUSE"],
   note="the Church condemns the arrests")
ev("COERCE", "2025-06-18", ["arm_nss|arm_ic|armenia"], ["karapetyan"], [D4], mode="arrest",
   note="Karapetyan detained; NSS search")
ev("REJECT", None, ["karapetyan"], ["armenia"], [D4], optional=True, note="pleads not guilty")
ev("THREATEN", None, ["pashinyan"], ["ena|karapetyan"], [D4], optional=True, accept=["COERCE", "SANCTION"],
   note="nationalisation announced")
ev("SUPPORT", None, ["peskov|russia"], ["armenia"], [D4], optional=True, accept=["CONSULT", "REJECT"],
   note="'internal affair'")
ev("PROTEST", "2024", ["sacred_struggle|galstanyan"], ["pashinyan|armenia"], [D4], "tavush",
   accept=["REQUEST"], note="spring 2024 protests; resignation demanded")
# B: Kerman
ev("ASSAULT", "2024-01-03", ["isis|isis_k"], [], [D5, D6, D7, D8], "kerman|golzar", mode="explosives",
   note="twin suicide bombings at the Soleimani anniversary")
ev("ASSAULT", "2020-01-03", ["usa"], ["soleimani"], [D5], "baghdad", mode="assassination",
   note="US drone strike in Baghdad (دی ۱۳۹۸; the fourth anniversary fell on 3 Jan 2024)")
ev("ACCUSE", "2024-01", ["jamshidi|iran"], ["usa", "israel"], [D5, D7],
   note="Iranian officials blame the US and the 'Zionist regime'")
ev("REJECT", "2024-01", ["miller|us_state_dept|usa"], ["iran|jamshidi"], [D5, D7],
   note="'not involved in any way'; 'ridiculous'")
ev("THREATEN", "2024-01", ["khamenei"], [], [D5], note="'harsh response'")
ev("THREATEN", "2024-01-05", ["raisi"], [], [D5], "kerman", note="at the funeral: perpetrators will pay")
ev("THREATEN", "2024-01", ["irgc"], [], [D7], note="IRGC vows revenge")
ev("PROTEST", "2024-01", ["unsc"], [], [D5], accept=["ACCUSE"], note="UNSC condemns the attack")
ev("COERCE", "2024-01", ["iran_intel|iran"], [], [D5, D7, D8], mode="arrest",
   note="arrests of the 'support network' (11 by 5 Jan, 35 by 11 Jan)")
ev("ACCUSE", "2024-01-11", ["iran_intel"], ["bozrov|tajiki|israel"], [D7], optional=True,
   note="ministry: Tajik organiser; a bomber with Israeli citizenship (no evidence)")
ev("ASSAULT", "2022-10", ["isis_k|isis"], [], [D7], "shah_cheragh", optional=True, note="Shah Cheragh attack")
# B: the IRGC strikes of 15-16 January 2024
ev("ASSAULT", "2024-01-15", ["irgc|iran"], ["mossad|dizayee|iraq|israel"], [D6, D8], "erbil", mode="missiles",
   note="ballistic missiles on Erbil")
ev("ASSAULT", "2024-01-15", ["irgc|iran"], ["isis"], [D6, D8], "idlib", mode="missiles", note="missiles on Idlib")
ev("ASSAULT", None, ["israel"], ["irgc"], [D6, D8], optional=True, note="killing of IRGC commanders, cited by the IRGC")
ev("PROTEST", "2024-01-16", ["iraq|iraq_mfa"], ["iran"], [D6, D8], accept=["SANCTION", "COERCE", "REJECT"],
   note="ambassador recalled; chargé summoned with a protest note")
ev("ACCUSE", "2024-01-16", ["iraq|iraq_mfa"], ["iran"], [D6, D8], accept=["REQUEST", "PROTEST"],
   note="'aggression'; complaint to the UN Security Council")
ev("ACCUSE", "2024-01-16", ["barzani"], ["iran|irgc"], [D6, D8], accept=["PROTEST"],
   note="'a crime against the Kurdish people'")
ev("REJECT", "2024-01-16", ["barzani|iraq|iraq_mfa"], ["irgc|iran"], [D6, D8],
   note="the Mossad claim is groundless")
ev("REJECT", "2024-01-16", ["kanaani|iran_mfa|iran"], ["iraq"], [D6, D8], accept=["SUPPORT"],
   note="Kanaani defends the strikes")
ev("ACCUSE", "2024-01-16", ["miller|us_state_dept|usa"], ["iran"], [D6, D8], accept=["PROTEST"],
   note="'reckless missile strikes'")
ev("SUPPORT", "2024-01-16", ["usa|miller"], ["iraq", "krg"], [D6, D8], optional=True)
ev("COOPERATE", "2024-01-16", ["iraq|iraq_cabinet"], ["araji"], [D6, D8], optional=True, accept=["CONSULT"],
   note="investigation committee under al-Araji")
ev("ASSAULT", "2024-01-16", ["irgc"], ["pakistan"], [D8], optional=True, note="strike in Pakistan")
ev("PROTEST", "2024-01", ["pakistan"], ["iran"], [D8], optional=True)

# ================= quantities
Q = []
def q(subject, unit, value, attributed_to, docs, qualifier=None, note=None):
    x = {"subject": subject, "unit": unit, "value": value, "attributed_to": attributed_to, "docs": docs}
    if qualifier: x["qualifier"] = qualifier
    if note: x["note"] = note
    Q.append(x)

# A
q("azerbaijan|az_prosecutor", "police officers", 4, "az_prosecutor", [D1], note="'dörd polis əməkdaşı'")
q("azerbaijan|az_prosecutor", "civilians", 2, "az_prosecutor", [D1], note="'iki mülki şəxs'")
q("peacekeepers|russia", "soldiers", 5, "ru_mod|russia", [D1], note="'beş hərbçinin'")
q("armenia|karabakh", "people", 100000, "armenia", [D2], qualifier="more than", note="'более 100 000 человек'")
q("karabakh|nkr", "people", 200, "stepanyan", [D2], note="killed")
q("karabakh|nkr", "civilians", 10, "stepanyan", [D2])
q("karabakh|nkr", "children", 5, "stepanyan", [D2], note="'пятеро детей'")
q("azerbaijan|az_mod", "soldiers", 192, "az_health", [D2])
q("azerbaijan|az_mod", "people", 511, "az_health", [D2], note="wounded")
q("peacekeepers|russia", "soldiers", 5, "ru_mod|russia", [D2], note="'пятеро военнослужащих'")
q("khankendi|karabakh", "people", 20, "nkr", [D2], note="first toll of the depot blast ('Местный минздрав')")
q("khankendi|karabakh", "people", 68, "stepanyan", [D2])
q("khankendi|karabakh", "people", 105, "stepanyan", [D2], note="missing")
q("nkr|dtx", "people", 4, None, [D3], note="'dörd rəhbərini'")
q("nkr|azerbaijan", "people", 300, "anonymous", [D3], note="wanted list, per Armenian media")
q("armenia|karabakh", "people", 100000, "armenia", [D3], qualifier="more than", note="'100 mini ötüb'")
q("azerbaijan|az_mod", "soldiers", 192, "az_health", [D3])
q("azerbaijan|az_mod", "soldiers", 511, "az_health", [D3], note="wounded")
q("az_mod", "soldiers", 180, "az_health", [D3])
q("az_mia", "soldiers", 12, "az_health", [D3])
q("sacred_struggle|galstanyan", "people", 1000, "arm_ic", [D4], qualifier="more than", note="recruited")
q("sacred_struggle|galstanyan", "people", 14, "arm_ic", [D4], note="detained")
q("sacred_struggle|galstanyan", "people", 16, "arm_ic", [D4], note="charged")
q("sacred_struggle|galstanyan", "addresses", 90, "arm_ic", [D4], qualifier="more than", note="searched")
q("sacred_struggle|galstanyan", "people", 15, None, [D4], note="remanded")
q("armenia|karabakh", "people", 100000, None, [D4], qualifier="more than")
q("khankendi|karabakh", "people", 218, "arm_ic", [D4], note="depot blast dead")
# B
q("iran_intel|kerman", "people", 11, "iran_intel", [D5], note="arrested; '۱۱ نفر'")
q("kerman", "people", 103, "irna", [D5], note="first toll; '۱۰۳ کشته'")
q("kerman", "people", 84, "vahidi|iran", [D5], note="'۸۴ نفر'")
q("kerman", "people", 89, "iran", [D5], qualifier="at least", note="health officials; '۸۹ کشته'")
q("kerman", "people", 284, "iran", [D5], note="wounded; '۲۸۴ زخمی'")
q("irgc|erbil", "missiles", 11, "irgc", [D6])
q("irgc|idlib", "missiles", 4, "irgc", [D6], note="'أربعة صواريخ'")
q("erbil", "civilians", 4, "krg_sc", [D6], note="'أربعة مدنيين'")
q("erbil", "people", 6, "krg_sc", [D6], note="wounded; 'ستة'")
q("iran_intel|kerman", "people", 35, "iran_intel", [D7], note="arrested")
q("iran_intel|kerman", "people", 11, "iran_intel", [D7], note="arrested, a week earlier")
q("kerman", "people", 94, "iran", [D7])
q("kerman", "people", 103, "anonymous", [D7], note="'государственные СМИ' (unnamed)")
q("erbil", "civilians", 4, "krg_sc", [D8], note="'dörd mülki şəxsin'")
q("erbil", "people", 6, "krg_sc", [D8], note="'altı nəfərin'")
q("kerman", "people", 94, "iran", [D8], qualifier="at least")
q("iran_intel|kerman", "people", 35, "iran_intel", [D8])

# ================= contradictions
C = []
def con(subject, about, a, b, docs):
    C.append({"subject": subject, "about": about, "texts": [[a], [b]], "docs": docs})

con("azerbaijan", "Azerbaijan: only legitimate military targets were hit vs the Karabakh ombudsman: 10 civilians, five of them children, among the 200 dead",
    "mülki əhali və mülki infrastruktur hədəf deyil|поражались только законные военные цели",
    "среди них 10 мирных жителей", [D1, D2])
con("armenia", "Baku: units of Armenia's armed forces were in Karabakh vs Armenia's defence ministry: no Armenian troops there",
    "qalan Ermənistan silahlı qüvvələri birləşmələrinin çıxarılması|находились подразделения вооружённых сил Армении",
    "Ermənistan ordusunun heç bir bölməsinin olmadığını|армянских войск в Нагорном Карабахе нет", [D1, D2])
con("khankendi", "Fuel depot blast near Stepanakert: 20 dead (first), 68 (ombudsman, 27 Sept) vs 218 (Armenia's Investigative Committee, later)",
    "сообщил о 20 погибших", "назвал 68 погибших|погибли 218 человек", [D2, D4])
con("azerbaijan", "Pashinyan: 'ethnic cleansing' vs Baku: nobody is forced to leave",
    "прямым актом этнической чистки|etnik təmizləmə",
    "никто не принуждает жителей уезжать|heç kimin bölgəni tərk etməyə məcbur edilmədiyini", [D2, D3])
con("galstanyan", "Investigative Committee: Galstanyan prepared a terrorist act and a seizure of power vs his lawyer rejects the charges",
    "необходимые для совершения теракта и захвата власти", "Адвокат Галстаняна отвергает обвинения", [D4])
con("arm_ic", "Investigative Committee's 'explosive devices' vs journalists: mostly flares and firecrackers",
    "взрывных устройств", "сигнальные ракеты и петарды", [D4])
con("usa", "Kerman: Iranian officials blame the US and Israel vs Washington denies any involvement (and IS claims the attack)",
    "مسئولیت حمله را متوجه آمریکا و رژیم صهیونیستی|возлагали ответственность на США и Израиль",
    "به هیچ وجه|никоим образом|Ответственность взяло на себя", [D5, D7])
con("kerman", "Kerman death toll: 103 (first reports) vs 84 (interior minister), 89 (5 Jan), 94 (latest)",
    "۱۰۳ کشته|о 103 погибших", "۸۴ نفر|۸۹ کشته|погибли 94 человека", [D5, D7])
con("iran_intel", "Arrests over Kerman: 11 (5 January) vs 35 (11 January)",
    "۱۱ نفر|об 11 задержанных", "задержаны 35 человек|35 nəfərin saxlanıldığını", [D5, D7, D8])
con("irgc", "Erbil: the IRGC says it destroyed a Mossad espionage headquarters vs Iraq and the KRG: a civilian businessman's home, the claim is groundless",
    "تابع لجهاز الموساد|casusluq qərargahlarından biri",
    "لا أساس لها|أي صلة بالموساد|iddialarını əsassız sayıb", [D6, D8])

gold = {"corpus": "examples/blind5/corpus", "documents": DOCS, "entities": E, "relations": R,
        "events": V, "quantities": Q, "contradictions": C}
json.dump(gold, open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print({k: len(v) for k, v in gold.items() if isinstance(v, list)})
