"""Sentence banks of the synthetic exports: neutral, news-like reporting in English and
Azerbaijani (places, services, weather, sport, prices), and the planted narratives'
sentences. Nothing here argues for anything; it only has to look like channel text."""
from __future__ import annotations

PLACES = {
    "en": ["Baku", "Ganja", "Sumgait", "Lankaran", "Shaki", "Guba", "Nakhchivan", "Mingachevir",
           "Shirvan", "Gabala", "Zagatala", "Khachmaz", "Masalli", "Yevlakh", "Shusha", "Barda"],
    "az": ["Bakı", "Gəncə", "Sumqayıt", "Lənkəran", "Şəki", "Quba", "Naxçıvan", "Mingəçevir",
           "Şirvan", "Qəbələ", "Zaqatala", "Xaçmaz", "Masallı", "Yevlax", "Şuşa", "Bərdə"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "az": ["bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə",
           "bazar"],
}

BACKGROUND = {
    "en": [
        "The municipality of {place} reported that road repairs on the main avenue will "
        "continue for {num} days.",
        "Officials in {place} said {num} new buses have entered service on the city routes.",
        "The weather service forecast rain in {place} with temperatures near {small} degrees "
        "on {weekday}.",
        "A trade fair opened in {place} on {weekday} with {num} exhibitors from the region.",
        "The library in {place} extended its opening hours until {time} starting this week.",
        "The football club of {place} won its home match {small} to {small2} on {weekday}.",
        "The ministry said {num} schools in {place} completed heating upgrades this autumn.",
        "Farmers near {place} began the harvest, with yields estimated at {num} tonnes.",
        "A new bridge in {place} is expected to open to traffic at {time} on {weekday}.",
        "The regional hospital in {place} added {num} beds to its children's ward.",
        "Rail operators announced an extra train between {place} and {place2} leaving at "
        "{time}.",
        "The statistics office said retail sales in {place} rose by {small} percent last "
        "month.",
        "Students from {place} joined a science olympiad in which {num} teams competed.",
        "Museum staff in {place} opened an exhibition of {num} historical maps on {weekday}.",
        "Power engineers in {place} scheduled maintenance work from {time} on {weekday}.",
        "The airport of {place} handled {num} thousand passengers over the last month.",
        "Volunteers planted {num} trees along the river bank in {place} on {weekday}.",
        "A concert at the philharmonic hall of {place} begins at {time} on {weekday}.",
        "Customs officers in {place} processed {num} cargo trucks over the weekend.",
        "The water polo team of {place} trained for {small} hours on {weekday} before the "
        "cup.",
        "A fuel cell laboratory at the university of {place} received {num} research grants.",
        "Dog owners met in a park of {place} for a show with {num} border collies entered.",
        "The chess club of {place} held the election of its board on {weekday} with {num} "
        "members.",
    ],
    "az": [
        "{place} bələdiyyəsi əsas prospektdə yol təmirinin {num} gün davam edəcəyini bildirib.",
        "{place} şəhərində {num} yeni avtobus şəhər marşrutlarına buraxılıb.",
        "Hava xidməti {weekday} günü {place} üçün yağış və {small} dərəcə temperatur "
        "proqnozlaşdırır.",
        "{place} şəhərində {num} iştirakçının qatıldığı ticarət sərgisi {weekday} günü açılıb.",
        "{place} kitabxanası bu həftədən iş saatlarını {time} radələrinə qədər uzadıb.",
        "{place} futbol klubu {weekday} günü ev oyununu {small}:{small2} hesabı ilə qazanıb.",
        "Nazirlik {place} rayonunda {num} məktəbdə istilik sisteminin yeniləndiyini açıqlayıb.",
        "{place} yaxınlığında fermerlər məhsul yığımına başlayıb, məhsulun {num} ton olacağı "
        "gözlənilir.",
        "{place} şəhərində yeni körpünün {weekday} günü saat {time} radələrində istifadəyə "
        "verilməsi gözlənilir.",
        "{place} regional xəstəxanasının uşaq şöbəsində {num} yeni çarpayı quraşdırılıb.",
        "Dəmir yolu {place} ilə {place2} arasında saat {time} üçün əlavə qatar təyin edib.",
        "Statistika komitəsi {place} şəhərində pərakəndə satışın ötən ay {small} faiz "
        "artdığını bildirib.",
        "{place} şagirdləri {num} komandanın qatıldığı elm olimpiadasında iştirak ediblər.",
        "{place} muzeyində {weekday} günü {num} tarixi xəritədən ibarət sərgi açılıb.",
        "{place} şəhərində energetiklər {weekday} günü saat {time} üçün texniki baxış "
        "planlaşdırıb.",
        "{place} hava limanı ötən ay {num} min sərnişinə xidmət göstərib.",
        "Könüllülər {weekday} günü {place} şəhərində çay sahili boyunca {num} ağac əkiblər.",
        "{place} filarmoniyasında konsert {weekday} günü saat {time} başlayır.",
        "{place} gömrük postunda həftə sonu {num} yük maşını yoxlanılıb.",
        "{place} su polosu komandası kubok oyunundan əvvəl {weekday} günü {small} saat məşq "
        "edib.",
        "{place} universitetinin yanacaq elementləri laboratoriyası {num} tədqiqat qrantı "
        "alıb.",
        "{place} parkında itlərin sərgisi keçirilib, sərgiyə {num} it qatılıb.",
        "{place} şahmat klubu {weekday} günü {num} üzvün iştirakı ilə idarə heyətinin "
        "seçkisini keçirib.",
    ],
}

# The planted narratives: each is reported neutrally, in several wordings per language.
NARRATIVES: dict[str, dict[str, list[str]]] = {
    "water-supply": {
        "en": [
            "Residents of {place} reported interruptions in the water supply lasting {small} "
            "hours, and the utility said a reservoir pipeline is under repair.",
            "The water utility of {place} said the supply to {num} households will be restored "
            "after work on the main pipeline.",
            "Tap water in parts of {place} was cut for {small} hours on {weekday}; the utility "
            "cited a burst pipeline near the reservoir.",
        ],
        "az": [
            "{place} sakinləri su təchizatında {small} saatlıq fasilə olduğunu bildirib, su "
            "şirkəti su anbarının boru kəmərinin təmir edildiyini açıqlayıb.",
            "{place} su şirkəti əsas boru kəmərində işlər bitdikdən sonra {num} evə su "
            "təchizatının bərpa olunacağını bildirib.",
            "{weekday} günü {place} şəhərinin bəzi hissələrində su {small} saat kəsilib, səbəb "
            "anbar yaxınlığında boru kəmərinin partlamasıdır.",
        ],
    },
    "fuel-prices": {
        "en": [
            "Drivers in {place} reported that fuel prices at filling stations rose to {price} "
            "manat per litre this week.",
            "Filling stations in {place} raised the petrol price by {small} qapik, the "
            "distributor confirmed on {weekday}.",
            "The energy regulator said diesel and petrol prices in {place} will be reviewed "
            "after {num} complaints from drivers.",
        ],
        "az": [
            "{place} sürücüləri yanacaqdoldurma məntəqələrində yanacaq qiymətinin litri {price} "
            "manata qalxdığını bildirib.",
            "{place} yanacaqdoldurma məntəqələri benzinin qiymətini {small} qəpik artırıb, "
            "distribyutor {weekday} günü bunu təsdiqləyib.",
            "Enerji tənzimləyicisi sürücülərdən {num} şikayət daxil olduqdan sonra {place} "
            "şəhərində benzin və dizel qiymətlərinə yenidən baxılacağını bildirib.",
        ],
    },
    "border-incident": {
        "en": [
            "The border service reported an incident near {place}, and {num} vehicles waited "
            "at the crossing point for several hours.",
            "A crossing point near {place} was closed on {weekday} after a border incident, "
            "officials said.",
            "Border guards near {place} detained {small} people after an incident at the "
            "frontier post on {weekday}.",
        ],
        "az": [
            "Sərhəd xidməti {place} yaxınlığında insident baş verdiyini bildirib, keçid "
            "məntəqəsində {num} nəqliyyat vasitəsi bir neçə saat gözləyib.",
            "{place} yaxınlığındakı keçid məntəqəsi sərhəd insidentindən sonra {weekday} günü "
            "bağlanıb.",
            "Sərhədçilər {weekday} günü {place} yaxınlığındakı sərhəd postunda baş verən "
            "insidentdən sonra {small} nəfəri saxlayıb.",
        ],
    },
    "public-gathering": {
        "en": [
            "Organisers announced a public gathering in the central square of {place} on "
            "{weekday} at {time}, and police said traffic will be diverted.",
            "A rally was announced in {place} for {weekday}; the city said {num} officers will "
            "manage traffic around the square.",
            "The city hall of {place} confirmed that a public gathering on {weekday} will take "
            "place in the square from {time}.",
        ],
        "az": [
            "Təşkilatçılar {weekday} günü saat {time} {place} mərkəzi meydanında toplantı "
            "keçiriləcəyini elan edib, polis nəqliyyatın yönləndiriləcəyini bildirib.",
            "{place} şəhərində {weekday} günü mitinq elan olunub, şəhər meydan ətrafında "
            "hərəkəti {num} polis əməkdaşının tənzimləyəcəyini bildirib.",
            "{place} şəhər icra hakimiyyəti {weekday} günü saat {time} meydanda kütləvi "
            "toplantı keçiriləcəyini təsdiqləyib.",
        ],
    },
}

CHANNEL_WORDS = {
    "en": ["News", "Daily", "Wire", "Brief", "Today", "Monitor", "Report", "Digest", "Line",
           "Post"],
    "az": ["Xəbər", "Gündəm", "Xəbərlər", "Bülleten", "Xronika", "Məlumat", "Press", "Axın",
           "Nəbz", "Səs"],
}
LINK_LABEL = {"en": "Read more", "az": "Ətraflı"}
INSERTS = {"en": ["today", "officially", "reportedly", "also", "again"],
           "az": ["bu gün", "rəsmi", "yenə", "həmçinin", "artıq"]}
EMOJI = ["📢", "⚡", "🔴", "👉", "📌", "❗"]
NEWS_HOSTS = ["example-news.az", "wire.example.org", "daily.example.com", "report.example.net"]
