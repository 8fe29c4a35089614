"""The language knowledge `ingest` matches names with, as declarative tables: country adjectives and names, places, bodies and
kinds of institution as the region's languages (BCMS in Latin and Cyrillic, Albanian, Macedonian) write them. A generic name
here ("Ministarstvo unutrašnjih poslova") is resolved to the record's body of the country in context by :mod:`.gazetteer` and
:mod:`.entities`; the record itself (data/) is never edited for it."""

from __future__ import annotations

#: country adjectives as press releases use them ("the Austrian Ministry", "Macedonian Presidency")
DEMONYMS = {
    "AL": "Albanian", "AT": "Austrian", "BA": "Bosnian", "BE": "Belgian", "BG": "Bulgarian", "CH": "Swiss", "CZ": "Czech",
    "DE": "German", "DK": "Danish", "ES": "Spanish", "FR": "French", "GB": "British", "GR": "Greek", "HR": "Croatian",
    "HU": "Hungarian", "IT": "Italian", "ME": "Montenegrin", "MK": "Macedonian", "NL": "Dutch", "NO": "Norwegian",
    "PL": "Polish", "RO": "Romanian", "RS": "Serbian", "SE": "Swedish", "SI": "Slovenian", "SK": "Slovak", "TR": "Turkish",
    "US": "American", "XK": "Kosovo", "JP": "Japanese", "FI": "Finnish", "IE": "Irish", "PT": "Portuguese", "LU": "Luxembourg",
}

#: country names in the region's languages (Latin; Cyrillic is folded to these), where the record has only English names
LOCAL_COUNTRY_NAMES = {
    "AL": "Albanija|Shqipëri|Shqipëria|Shqipërisë", "AT": "Austrija|Avstrija|Austri|Austrisë", "BA": "Bosnja dhe Hercegovina",
    "BG": "Bugarska|Bugarija|Bullgari", "CH": "Švicarska|Švajcarska|Švajcarija|Zvicër|Zvicra", "CZ": "Češka|Republika Češka",
    "DE": "Njemačka|Nemačka|Germanija|Gjermani", "FR": "Francuska|Francija|Franca|Francë", "GB": "UK|Great Britain|Britain|"
    "Velika Britanija|Ujedinjeno Kraljevstvo|"
    "Britanija|Britani e Madhe|Mbretëria e Bashkuar|Britanisë", "GR": "Grčka|Grcija|Greqi|Greqia", "HR": "Hrvatska|Hrvatske|Kroacia|Hrvatska",
    "HU": "Mađarska|Madjarska|Ungarija|Hungaria|Hungari", "IT": "Italija|Itali|Italia", "ME": "Crna Gora|Crnogorsk|Mali i Zi|Malit të Zi|"
    "Crna Gora", "MK": "RSM|Makedonija|Sjeverna Makedonija|Severna Makedonija|Maqedonia|Maqedonia e Veriut|Maqedonisë së Veriut",
    "RO": "Rumunija|Rumunjska|Rumani", "RS": "Srbija|Serbia|Serbisë", "SI": "Slovenija|Slloveni|Sllovenia",
    "TR": "Turska|Turcija|Turqi|Turqia", "US": "U.S.|USA|U.S.A.|SAD|Sjedinjene Američke Države|Sjedinjene Države|Amerika|SHBA|Shtetet e Bashkuara",
    "XK": "RKS|Kosova|Kosovës|Kosovo", "SE": "Švedska|Švedskа|Suedi", "NL": "Nizozemska|Holandija|Holanda", "BE": "Belgija|Belgjikë",
    "PL": "Poljska|Polonia|Polonisë|Полска", "FI": "Finska|Finlanda|Finlandës|Финска", "SK": "Slovačka|Sllovakia|Словачка",
}

#: names of the region's capitals and meeting places in its languages (Latin; Cyrillic folds to these), by place id
LOCAL_PLACE_NAMES = {
    "brussels": "Brisel|Bruxelles|Brukseli|Bruksel", "belgrade": "Beograd|Belgrad|Beogradi", "vienna": "Beč|Wien|Viena|Vjena|Vjenë",
    "zagreb": "Zagrebi", "tirana": "Tiranë|Tirana", "pristina": "Priština|Prishtinë|Prishtina", "podgorica": "Podgoricë",
    "budapest": "Budimpešta|Budimpesta|Budapeshtë", "geneva": "Ženeva|Genève|Gjenevë", "rome": "Rim|Romë|Roma", "athens": "Atina|Athinë",
    "sofia": "Sofija|Sofje", "ljubljana": "Lublana|Lubljana", "sarajevo": "Sarajevë", "skopje": "Shkup|Skoplje|Shkupi",
    "horgos-roszke-border-crossing": "Horgoš|Horgos|Röszke",
}

#: how the region's languages write the acronyms and names of international bodies (Cyrillic folds to Latin), by org id
LOCAL_ORG_NAMES = {
    "osce": "OSBE|OEBS|OBSE|Organizacija za europsku sigurnost i suradnju|Organizacija za evropsku bezbednost i saradnju",
    "eu": "Evropska unija|Europska unija|Bashkimi Evropian|Европска унија", "nato": "NATO-a",
    "iom": "MOM|Međunarodna organizacija za migracije|Internacionalna organizacija za migracije|Меѓународна организација за миграции",
    "coe": "Vijeće Europe|Savet Evrope|Këshilli i Evropës|Совет на Европа",
    "europol": "Evropol", "interpol": "Interpola",
}

#: country adjectives in the region's languages: BCMS and Macedonian before a body's name ("nemačkog Ministarstva unutrašnjih
#: poslova", "srpskom policijom"; case endings are matched by stem), Albanian after it ("qeveria kosovare")
LOCAL_DEMONYMS = {
    "AL": ("Albanska", "shqiptare|shqiptar"), "BA": ("Bosanska|Bosanskohercegovačka", ""),
    "AT": ("Austrijska|Avstriska", "austriake|austriak"), "BG": ("Bugarska", "bullgare"),
    "CZ": ("Češka|Чешка", "çeke"), "DE": ("Nemačka|Njemačka|Germanska", "gjermane|gjerman"), "GR": ("Grčka", "greke"),
    "HR": ("Hrvatska", "kroate"), "HU": ("Mađarska|Madjarska|Ungarska", "hungareze"), "IT": ("Italijanska|Talijanska", "italiane"),
    "ME": ("Crnogorska", "malazeze|malazez"), "MK": ("Makedonska", "maqedonase|maqedonas"), "RS": ("Srpska", "serbe|serb"),
    "SI": ("Slovenska|Slovenačka", "sllovene"), "XK": ("Kosovska", "kosovare|kosovar"),
    "NL": ("Holandska|Nizozemska", "holandeze"), "SE": ("Švedska", "suedeze"), "CH": ("Švajcarska|Švicarska", "zvicerane"),
    "FR": ("Francuska", "franceze"), "GB": ("Britanska", "britanike"), "SK": ("Slovačka", "sllovake"), "US": ("Američka", "amerikane"),
    "TR": ("Turska", "turke"), "PL": ("Poljska", "polake"), "RO": ("Rumunska|Rumunjska", "rumune"), "FI": ("Finska", "finlandeze"),
}


#: how the region's languages write "NGO" before a name ("NVO Atina", "OJQ ...", "НВО ...")
NGO_WORDS = ("NVO", "NVU", "OJQ", "HBO", "НВО")


#: the entities of Bosnia and Herzegovina as the region's languages write them in the genitive, by their English names
ENTITY_NAMES = {"Republika Srpska": "Republike Srpske|Република Српске|RS", "Brčko District": "Brčko distrikta|Distrikta Brčko"}

#: the region's acronyms of an interior ministry, and the countries whose language writes each
LOCAL_ACRONYMS = {"MUP": frozenset(["BA", "HR", "ME", "RS"]), "MVR": frozenset(["MK", "BG"]), "MPB": frozenset(["AL", "XK"])}

#: the English names of the region's kinds of institution and how its languages write them (in the nominative; case
#: endings are matched by stem), so that "Ministarstva vanjskih poslova BiH" finds the "Ministry of Foreign Affairs of Bosnia
#: and Herzegovina" the record knows by its English name
INSTITUTIONS = {
    "ministry of security": "Ministarstvo sigurnosti|Ministarstvo bezbjednosti|Ministarstvo bezbednosti|Ministria e Sigurisë|"
                            "Министерство за безбедност",
    "ministry of interior": "Ministarstvo unutrašnjih poslova|Ministarstvo unutarnjih poslova|Ministarstvo za unutrašnje poslove|"
                            "Ministria e Brendshme|Ministria e Punëve të Brendshme|Министерство за внатрешни работи|MUP|MVR|MPB",
    "ministry of the interior": "Ministarstvo unutrašnjih poslova|Ministarstvo unutarnjih poslova|Ministria e Brendshme|"
                                "Ministria e Punëve të Brendshme|MUP|MVR|MPB",
    "ministry of interior and administration": "Ministarstvo unutrašnjih poslova i administracije|Ministarstvo unutrašnjih poslova|"
                                               "Ministria e Punëve të Brendshme dhe Administratës",
    "federal ministry of the interior": "Ministarstvo unutrašnjih poslova|Savezno ministarstvo unutrašnjih poslova|"
                                        "Savezno ministarstvo za unutrašnje poslove|Savezno ministarstvo unutarnjih poslova",
    "ministry of internal affairs": "Ministarstvo unutrašnjih poslova|Ministria e Punëve të Brendshme|MUP|MVR|MPB",
    "ministry of foreign affairs": "Ministarstvo vanjskih poslova|Ministarstvo spoljnih poslova|Ministarstvo inostranih poslova|"
                                   "Ministria e Punëve të Jashtme|Министерство за надворешни работи",
    "ministry of justice": "Ministarstvo pravde|Ministarstvo pravosuđa|Ministria e Drejtësisë|Министерство за правда",
    "ministry of human rights and refugees": "Ministarstvo za ljudska prava i izbjeglice|Ministarstvo za ljudska prava i izbeglice",
    "ministry of labour and social policy": "Ministarstvo rada i socijalne politike|Министерство за труд и социјална политика",
    "border police": "Granična policija|Granicna policija|Policia Kufitare|Гранична полиција",
    "border and migration police": "Policia Kufitare dhe e Migracionit|Granična i migraciona policija",
    "service for foreigners' affairs": "Služba za poslove sa strancima",
    "parliamentary assembly": "Parlamentarna skupština",
    "parliament": "Skupština|Parlament|Kuvendi|Собрание",
    "commissariat for refugees": "Komesarijat za izbeglice i migracije|Komesarijat za izbjeglice|Komesarijat za izbeglice",
    "red cross society": "Društvo Crvenog križa|Društvo Crvenog krsta|Crveni križ|Crveni krst|Kryqi i Kuq",
    "council of ministers": "Vijeće ministara|Savjet ministara",
    "government": "Vlada|Qeveria|Влада",
    "police administration": "Uprava policije",
    "police directorate": "Uprava policije|Direkcija policije|Policija|Полиција|Drejtoria e Policisë",
    "police of brcko district": "Policija Brčko distrikta",
    "state police": "Policia e Shtetit|Državna policija",
    "national police": "Nacionalna policija|Policija|Policia|Полиција",
    "federal police": "Savezna policija|Bundespolizei|Policia Federale|Сојузна полиција",
    "police": "Policija|Policia|Полиција",
    "prosecutor s office": "Tužilaštvo|Tužiteljstvo|Тужилаштво|Prokuroria|Обвинителство",
    "special state prosecutor s office": "Specijalno državno tužilaštvo|Specijalno tužilaštvo",
    "republic public prosecutor s office": "Republičko javno tužilaštvo|Републичко јавно тужилаштво",
    "prosecutor s office for organised crime": "Tužilaštvo za organizovani kriminal|Тужилаштво за организовани криминал",
    "special prosecution office": "Prokuroria Speciale",
    "administrative court": "Upravni sud|Управни суд|Gjykata Administrative",
    "customs administration": "Uprava carina|Carinska uprava|Administrata Doganore|Царинска управа",
    "national coordinator": "Nacionalni koordinator",
    "bureau for public security": "Biro za javna bezbednost|Биро за јавна безбедност|Byroja e Sigurisë Publike",
    "delegation of european union": "EU Delegation|Delegation of the EU|Delegacija Evropske unije|Delegacija Europske unije|"
                                    "Delegacija EU|Делегација на Европската унија|Delegacioni i Bashkimit Evropian|Delegacioni i BE",
}
