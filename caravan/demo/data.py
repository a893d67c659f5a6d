"""Demo data for caravan: a fictional county, its employers, postings, notices and caravan events.

Everything here is invented for demonstrations and tests: Koktal County (阔克塔勒县, كۆكتال ناھىيىسى)
is a made-up cotton and fruit growing oasis county. No name in this file is a real company, person or
place of work; all phone numbers are fake (``names.demo_phone``: they begin with 100) and there are no
ID numbers.

The jobs are ordinary, local and voluntary: cotton fields and ginning, a village garment workshop, a
spinning mill, dried fruit processing, greenhouses and orchards, building sites, logistics, restaurants,
a hotel, shops, e-commerce, elderly care and schools. Wages are plausible for rural western China in 2026.

Every user-facing text exists in three languages: ``zh`` (simplified Chinese), ``ug`` (Uyghur in Arabic
script, UEY orthography, right to left) and ``en`` (plain English).

This module is pure data; ``caravan.demo.loader`` turns it into database rows. The shape:

* ``COUNTY``: the area tree; each node has ``code``, ``zh``, ``ug``, ``en`` and (above village level)
  ``children``.
* ``EMPLOYERS``: ``key``, names in three languages, ``sector``, ``area`` (an area code), ``contact_name``,
  ``contact_phone``.
* ``POSTINGS``: ``key``, ``employer`` (an employer key), ``sector``, ``openings``, ``wage_min``,
  ``wage_max`` (whole yuan), ``wage_unit`` (hour, day, month, piece), ``area``, ``housing``, ``meals``,
  ``transport``, ``valid_days`` (valid until today + this), ``status`` (draft, published, closed) and
  ``texts[lang]`` with ``title``, ``description``, ``requirements``, ``work_place``.
* ``NOTICES``: ``key``, ``kind`` (training or policy), ``valid_days``, ``texts[lang]`` with ``title``
  and ``body``.
* ``EVENTS``: ``key``, ``kind`` (bazaar, village, campus, job_fair), ``area``, ``day_offset`` (days from
  today), ``start`` and ``end`` (local ``HH:MM``), ``place[lang]``, ``postings`` and ``notices`` (keys).
* ``ATTENDEES``: ``name``, ``phone`` (or None), ``village`` (a village code), ``group`` (rural_worker,
  graduate, other), ``skills``, ``wishes``.

Run ``python3 -m caravan.demo.data`` to check the references and counts.
"""

from caravan.demo.names import PHONE_PREFIX, demo_phone

# The county: four townships (two towns, two rural townships) and their villages.
# Codes are the stable keys: KT, KT-<township>, KT-<township>-<village>.
COUNTY = {
    "code": "KT", "zh": "阔克塔勒县", "ug": "كۆكتال ناھىيىسى", "en": "Koktal County",
    "children": [
        {
            "code": "KT-01", "zh": "阔克塔勒镇", "ug": "كۆكتال بازىرى", "en": "Koktal Town",
            "children": [
                {"code": "KT-01-01", "zh": "博斯坦村", "ug": "بوستان كەنتى", "en": "Bostan Village"},
                {"code": "KT-01-02", "zh": "吐格曼村", "ug": "تۈگمەن كەنتى", "en": "Tugmen Village"},
                {
                    "code": "KT-01-03", "zh": "英阿瓦提村", "ug": "يېڭىئاۋات كەنتى",
                    "en": "Yengiawat Village",
                },
            ],
        },
        {
            "code": "KT-02", "zh": "阿纳尔巴格乡", "ug": "ئانارباغ يېزىسى", "en": "Anarbagh Township",
            "children": [
                {"code": "KT-02-01", "zh": "玉祖木鲁克村", "ug": "ئۈزۈملۈك كەنتى", "en": "Uzumluk Village"},
                {"code": "KT-02-02", "zh": "吾如克鲁克村", "ug": "ئۆرۈكلۈك كەنتى", "en": "Orukluk Village"},
                {
                    "code": "KT-02-03", "zh": "苏盖提力克村", "ug": "سۆگەتلىك كەنتى",
                    "en": "Sogetlik Village",
                },
                {
                    "code": "KT-02-04", "zh": "布拉克贝希村", "ug": "بۇلاقبېشى كەنتى",
                    "en": "Bulaqbeshi Village",
                },
            ],
        },
        {
            "code": "KT-03", "zh": "英艾日克镇", "ug": "يېڭىئېرىق بازىرى", "en": "Yengieriq Town",
            "children": [
                {
                    "code": "KT-03-01", "zh": "帕合提卡尔村", "ug": "پاختىكار كەنتى",
                    "en": "Paxtikar Village",
                },
                {"code": "KT-03-02", "zh": "库木巴格村", "ug": "قۇمباغ كەنتى", "en": "Qumbagh Village"},
                {
                    "code": "KT-03-03", "zh": "托格拉克力克村", "ug": "توغراقلىق كەنتى",
                    "en": "Toghraqliq Village",
                },
            ],
        },
        {
            "code": "KT-04", "zh": "阿克亚尔乡", "ug": "ئاقيار يېزىسى", "en": "Aqyar Township",
            "children": [
                {"code": "KT-04-01", "zh": "其兰力克村", "ug": "چىلانلىق كەنتى", "en": "Chilanliq Village"},
                {
                    "code": "KT-04-02", "zh": "阔什艾日克村", "ug": "قوشئېرىق كەنتى",
                    "en": "Qosheriq Village",
                },
                {
                    "code": "KT-04-03", "zh": "羊塔克力克村", "ug": "يانتاقلىق كەنتى",
                    "en": "Yantaqliq Village",
                },
            ],
        },
    ],
}


# Local employers. `area` is where the employer is based (township or village code).
# Contact phones are fake: ``demo_phone`` numbers reach nobody.
EMPLOYERS = [
    {
        "key": "cotton_coop", "zh": "英艾日克镇帕合提卡尔棉花种植专业合作社",
        "ug": "يېڭىئېرىق بازىرى پاختىكار پاختا تېرىش كەسپىي كوپىراتىپى",
        "en": "Paxtikar Cotton Growers' Cooperative", "sector": "agriculture", "area": "KT-03-01",
        "contact_name": "ئەكبەر ھوشۇر", "contact_phone": demo_phone(1101),
    },
    {
        "key": "cotton_gin", "zh": "阔克塔勒县白絮轧花有限公司",
        "ug": "كۆكتال بەيشۈي پاختا پىششىقلاپ ئىشلەش چەكلىك شىركىتى",
        "en": "Koktal Baixu Cotton Ginning Co., Ltd.", "sector": "manufacturing", "area": "KT-03",
        "contact_name": "刘海峰", "contact_phone": demo_phone(1102),
    },
    {
        "key": "garment_workshop", "zh": "博斯坦村服装加工车间",
        "ug": "بوستان كەنتى كىيىم-كېچەك تىكىش سېخى", "en": "Bostan Village Garment Workshop",
        "sector": "manufacturing", "area": "KT-01-01", "contact_name": "گۈلنار ئىمىن",
        "contact_phone": demo_phone(1103),
    },
    {
        "key": "spinning_mill", "zh": "阔克塔勒绿洲纺纱有限公司",
        "ug": "كۆكتال بوستانلىق يىپ ئىگىرىش چەكلىك شىركىتى", "en": "Koktal Oasis Spinning Co., Ltd.",
        "sector": "manufacturing", "area": "KT-01", "contact_name": "张丽娟",
        "contact_phone": demo_phone(1104),
    },
    {
        "key": "fruit_factory", "zh": "阿纳尔巴格乡果品加工厂",
        "ug": "ئانارباغ يېزىلىق مېۋە پىششىقلاپ ئىشلەش زاۋۇتى", "en": "Anarbagh Fruit Processing Plant",
        "sector": "manufacturing", "area": "KT-02", "contact_name": "ئابلىمىت قاسىم",
        "contact_phone": demo_phone(1105),
    },
    {
        "key": "greenhouse_farm", "zh": "苏盖提力克村设施农业大棚基地",
        "ug": "سۆگەتلىك كەنتى ئىسسىقخانا دېھقانچىلىق بازىسى", "en": "Sogetlik Village Greenhouse Farm",
        "sector": "agriculture", "area": "KT-02-03", "contact_name": "马文华",
        "contact_phone": demo_phone(1106),
    },
    {
        "key": "jujube_coop", "zh": "其兰力克村红枣种植专业合作社",
        "ug": "چىلانلىق كەنتى قىزىل چىلان تېرىش كەسپىي كوپىراتىپى",
        "en": "Chilanliq Red Jujube Growers' Cooperative", "sector": "agriculture", "area": "KT-04-01",
        "contact_name": "رەھىمجان تۇردى", "contact_phone": demo_phone(1107),
    },
    {
        "key": "builder", "zh": "阔克塔勒县安居建筑工程有限公司",
        "ug": "كۆكتال ئەنجۈ قۇرۇلۇش چەكلىك شىركىتى", "en": "Koktal Anju Construction Co., Ltd.",
        "sector": "construction", "area": "KT-01", "contact_name": "李国强", "contact_phone": demo_phone(1108),
    },
    {
        "key": "logistics", "zh": "阔克塔勒驼铃物流有限公司",
        "ug": "كۆكتال تۆگە قوڭغۇرىقى ئەشيا ئوبوروتى چەكلىك شىركىتى",
        "en": "Koktal Camel Bell Logistics Co., Ltd.", "sector": "logistics", "area": "KT-01",
        "contact_name": "ياسىن ئابدۇللا", "contact_phone": demo_phone(1109),
    },
    {
        "key": "restaurant", "zh": "阔克塔勒镇石榴花餐厅", "ug": "كۆكتال بازىرى ئانارگۈل ئاشخانىسى",
        "en": "Anargul Restaurant", "sector": "services", "area": "KT-01", "contact_name": "مەرىيەم ساۋۇت",
        "contact_phone": demo_phone(1110),
    },
    {
        "key": "hotel", "zh": "阔克塔勒县绿荫宾馆", "ug": "كۆكتال سايىۋەن مېھمانخانىسى",
        "en": "Koktal Green Shade Hotel", "sector": "services", "area": "KT-01", "contact_name": "陈雪梅",
        "contact_phone": demo_phone(1111),
    },
    {
        "key": "supermarket", "zh": "阔克塔勒县邻里家超市", "ug": "كۆكتال قوشنا تاللا بازىرى",
        "en": "Neighbours Supermarket", "sector": "retail", "area": "KT-01", "contact_name": "赵磊",
        "contact_phone": demo_phone(1112),
    },
    {
        "key": "ecommerce_centre", "zh": "阔克塔勒县农村电商服务中心",
        "ug": "كۆكتال ناھىيىلىك يېزا ئېلېكترونلۇق سودا مۇلازىمەت مەركىزى",
        "en": "Koktal Rural E-commerce Service Centre", "sector": "retail", "area": "KT-01",
        "contact_name": "ئايگۈل ئابدۇرېشىت", "contact_phone": demo_phone(1113),
    },
    {
        "key": "care_centre", "zh": "阔克塔勒县颐康养老服务中心",
        "ug": "كۆكتال ناھىيىلىك ئامان-ئېسەن ياشانغانلار كۈتۈش مەركىزى",
        "en": "Koktal Well-Being Elderly Care Centre", "sector": "health", "area": "KT-01",
        "contact_name": "王秀兰", "contact_phone": demo_phone(1114),
    },
    {
        "key": "kindergarten", "zh": "英艾日克镇中心幼儿园",
        "ug": "يېڭىئېرىق بازارلىق مەركىزىي بالىلار باغچىسى", "en": "Yengieriq Town Central Kindergarten",
        "sector": "education", "area": "KT-03", "contact_name": "ساجىدە ئەخمەت",
        "contact_phone": demo_phone(1115),
    },
    {
        "key": "township_school", "zh": "阿克亚尔乡中心小学",
        "ug": "ئاقيار يېزىلىق مەركىزىي باشلانغۇچ مەكتەپ", "en": "Aqyar Township Central Primary School",
        "sector": "education", "area": "KT-04", "contact_name": "周涛", "contact_phone": demo_phone(1116),
    },
]


# Job postings. Wages are whole yuan per `wage_unit` (hour, day, month, piece);
# `valid_days` counts from the day the demo data is loaded. Three are drafts, two are closed.
POSTINGS = [
    {
        "key": "cotton_coop_field_hand", "employer": "cotton_coop", "sector": "agriculture", "openings": 20,
        "wage_min": 180, "wage_max": 220, "wage_unit": "day", "area": "KT-03-01", "housing": False,
        "meals": True, "transport": True, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "棉田管理工（日结）",
                "description": (
                    "负责棉田浇水、检查滴灌带和人工除草等田间管理工作。每天早上在村委会门口统一乘车到地头，"
                    "每天工作约8小时，管午饭。工钱按天计算，每周结算一次。"
                ),
                "requirements": "18至60岁，身体健康，能干田间活；不需要经验，男女不限。",
                "work_place": "英艾日克镇帕合提卡尔村三组棉田",
            },
            "ug": {
                "title": "پاختا ئېتىزى ئىشچىسى (كۈنلۈك)",
                "description": (
                    "پاختا ئېتىزىنى سۇغىرىش، تامچە سۇغىرىش تۇرۇبىلىرىنى تەكشۈرۈش ۋە ئوت-چۆپ يۇلۇش قاتارلىق "
                    "ئېتىز ئىشلىرىنى قىلىدۇ. ھەر كۈنى ئەتىگەندە كەنت كومىتېتى ئالدىدىن ماشىنىدا بىللە "
                    "ئېتىزغا بارىمىز، كۈنىگە تەخمىنەن 8 سائەت ئىشلەيدۇ، چۈشلۈك تاماق بېرىلىدۇ. ئىش ھەققى "
                    "كۈن بويىچە ھېسابلىنىپ، ھەپتىدە بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–60 ئارىلىقىدا، سالامەتلىكى ياخشى، ئېتىز ئىشىنى قىلالايدىغان بولسا بولىدۇ. "
                    "تەجرىبە تەلەپ قىلىنمايدۇ، ئەر-ئايال چەكلەنمەيدۇ."
                ),
                "work_place": "يېڭىئېرىق بازىرى پاختىكار كەنتى 3-مەھەللە پاختا ئېتىزى",
            },
            "en": {
                "title": "Cotton field hand (paid by the day)",
                "description": (
                    "Field work in the cotton: irrigation, checking the drip lines and weeding by hand. A "
                    "vehicle takes everyone from the village committee to the fields each morning; about 8 "
                    "hours a day, lunch provided. Pay is counted by the day and paid once a week."
                ),
                "requirements": (
                    "Age 18-60, in good health and able to do field work. No experience needed; men and "
                    "women welcome."
                ),
                "work_place": "Cotton fields, Group 3, Paxtikar Village, Yengieriq Town",
            },
        },
    },
    {
        "key": "cotton_coop_irrigation_keeper", "employer": "cotton_coop", "sector": "agriculture",
        "openings": 3, "wage_min": 3500, "wage_max": 4200, "wage_unit": "month", "area": "KT-03-01",
        "housing": True, "meals": False, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "滴灌看水员",
                "description": (
                    "负责合作社约800亩棉田的滴灌系统：按计划开关阀门、检查管道是否漏水、记录用水量。"
                    "灌溉季节轮流值夜班，其余时间正常作息。泵房旁提供单人宿舍。"
                ),
                "requirements": "20至55岁，做事细心，会用手机拍照和发消息；有滴灌管理经验者优先。",
                "work_place": "英艾日克镇帕合提卡尔村 合作社泵房",
            },
            "ug": {
                "title": "تامچە سۇغىرىش مىرابى",
                "description": (
                    "كوپىراتىپنىڭ تەخمىنەن 800 مو پاختا ئېتىزىدىكى تامچە سۇغىرىش سىستېمىسىغا مەسئۇل بولىدۇ: "
                    "پىلان بويىچە ۋېنتىللارنى ئېچىش-ئېتىش، تۇرۇبىلاردىن سۇ ئېقىۋاتقان-ئاقمىغانلىقىنى "
                    "تەكشۈرۈش، ئىشلىتىلگەن سۇ مىقدارىنى خاتىرىلەش. سۇغىرىش پەسلىدە نۆۋەت بىلەن كېچىلىك "
                    "نۆۋەتچىلىك قىلىدۇ، باشقا ۋاقىتلاردا نورمال ئىشلەيدۇ. ناسوسخانىنىڭ يېنىدا بىر كىشىلىك "
                    "ياتاق بار."
                ),
                "requirements": (
                    "يېشى 20–55 ئارىلىقىدا، ئىشقا ئەستايىدىل، تېلېفوندا رەسىم تارتىش ۋە ئۇچۇر يوللاشنى "
                    "بىلىدىغان بولۇشى كېرەك. تامچە سۇغىرىشنى باشقۇرۇش تەجرىبىسى بارلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "يېڭىئېرىق بازىرى پاختىكار كەنتى، كوپىراتىپ ناسوسخانىسى",
            },
            "en": {
                "title": "Drip irrigation keeper",
                "description": (
                    "Runs the drip irrigation on about 800 mu of the cooperative's cotton: opening and "
                    "closing valves on schedule, checking the pipes for leaks and recording water use. "
                    "Night duty by rota in the irrigation season, normal hours otherwise. A single room "
                    "next to the pump house is provided."
                ),
                "requirements": (
                    "Age 20-55, careful, able to take photos and send messages on a phone. Experience with "
                    "drip irrigation preferred."
                ),
                "work_place": "Cooperative pump house, Paxtikar Village, Yengieriq Town",
            },
        },
    },
    {
        "key": "cotton_coop_tractor_driver", "employer": "cotton_coop", "sector": "agriculture",
        "openings": 2, "wage_min": 5000, "wage_max": 6500, "wage_unit": "month", "area": "KT-03",
        "housing": True, "meals": True, "transport": False, "valid_days": 40, "status": "published",
        "texts": {
            "zh": {
                "title": "拖拉机驾驶员",
                "description": (
                    "驾驶拖拉机完成棉田的犁地、播种、喷药和拉运等作业。农忙时每天工作时间较长，加班费另算。"
                    "合作社提供宿舍和一日三餐，农闲时可以回家。"
                ),
                "requirements": "持有效拖拉机驾驶证，两年以上驾驶经验；会简单保养农机者优先。",
                "work_place": "英艾日克镇帕合提卡尔村 合作社农机场院",
            },
            "ug": {
                "title": "تراكتور شوپۇرى",
                "description": (
                    "تراكتور ھەيدەپ پاختا ئېتىزىنى ئاغدۇرۇش، تېرىش، دورا چېچىش ۋە توشۇش ئىشلىرىنى قىلىدۇ. "
                    "ئالدىراش پەسىلدە ئىش ۋاقتى ئۇزۇنراق بولىدۇ، قوشۇمچە ئىش ھەققى ئايرىم ھېسابلىنىدۇ. "
                    "كوپىراتىپ ياتاق ۋە ئۈچ ۋاق تاماق بىلەن تەمىنلەيدۇ، ئىش ئاز ۋاقىتلاردا ئۆيگە قايتسا "
                    "بولىدۇ."
                ),
                "requirements": (
                    "ئىناۋەتلىك تراكتور شوپۇرلۇق كىنىشكىسى ۋە ئىككى يىلدىن ئارتۇق ھەيدەش تەجرىبىسى بولۇشى "
                    "كېرەك؛ يېزا ئىگىلىك ماشىنىلىرىنى ئاددىي ئاسرىيالايدىغانلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "يېڭىئېرىق بازىرى پاختىكار كەنتى، كوپىراتىپنىڭ دېھقانچىلىق ماشىنىلىرى ھويلىسى"
                ),
            },
            "en": {
                "title": "Tractor driver",
                "description": (
                    "Driving tractors for ploughing, sowing, spraying and hauling on the cooperative's "
                    "cotton fields. Long days in the busy season, with overtime paid separately. Dormitory "
                    "and three meals a day provided; you can go home in the quiet season."
                ),
                "requirements": (
                    "A valid tractor driving licence and at least two years of driving; basic upkeep of "
                    "farm machinery is a plus."
                ),
                "work_place": "Cooperative machinery yard, Paxtikar Village, Yengieriq Town",
            },
        },
    },
    {
        "key": "cotton_gin_line_worker", "employer": "cotton_gin", "sector": "manufacturing",
        "openings": 15, "wage_min": 3800, "wage_max": 4800, "wage_unit": "month", "area": "KT-03",
        "housing": True, "meals": True, "transport": True, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "轧花车间操作工",
                "description": (
                    "在轧花生产线上喂花、清理设备、打包和搬运棉包。两班倒，每班8小时，夜班有补贴。"
                    "公司提供宿舍（住宿自愿）、工作餐和往返镇上的班车，缴纳社会保险。"
                ),
                "requirements": "18至50岁，身体健康，能适应倒班；没有经验也可以，上岗前有安全培训。",
                "work_place": "英艾日克镇工业路16号 白絮轧花厂",
            },
            "ug": {
                "title": "پاختا پىششىقلاش سېخى ئىشچىسى",
                "description": (
                    "پاختىنى چىگىتتىن ئايرىيدىغان لىنىيىدە پاختا سېلىش، ئۈسكۈنىلەرنى تازىلاش، پاختا "
                    "تايلىرىنى باغلاش ۋە توشۇش ئىشلىرىنى قىلىدۇ. ئىككى نۆۋەتلىك، ھەر نۆۋەت 8 سائەت، كېچىلىك "
                    "نۆۋەتكە تولۇقلىما بېرىلىدۇ. شىركەت ياتاق (خالىغانلار تۇرىدۇ)، ئىش تامىقى ۋە بازارغا "
                    "قاتنايدىغان ماشىنا بىلەن تەمىنلەيدۇ، ئىجتىمائىي سۇغۇرتا تاپشۇرۇپ بېرىدۇ."
                ),
                "requirements": (
                    "يېشى 18–50 ئارىلىقىدا، سالامەتلىكى ياخشى، نۆۋەتلىشىپ ئىشلەشكە ماسلىشالايدىغان بولۇشى "
                    "كېرەك. تەجرىبىسى يوقلارمۇ بولىدۇ، ئىشقا چۈشۈشتىن بۇرۇن بىخەتەرلىك تەربىيىسى بېرىلىدۇ."
                ),
                "work_place": "يېڭىئېرىق بازىرى سانائەت يولى 16-نومۇر، بەيشۈي پاختا زاۋۇتى",
            },
            "en": {
                "title": "Cotton gin line worker",
                "description": (
                    "Feeding seed cotton into the ginning line, cleaning the machines, and pressing and "
                    "moving bales. Two shifts of 8 hours; night shifts carry an allowance. Dormitory "
                    "(optional), work meals and a shuttle to the town; social insurance paid."
                ),
                "requirements": (
                    "Age 18-50, healthy, able to work shifts. No experience needed; safety training before "
                    "you start."
                ),
                "work_place": "Baixu cotton gin, 16 Industry Road, Yengieriq Town",
            },
        },
    },
    {
        "key": "cotton_gin_forklift_driver", "employer": "cotton_gin", "sector": "logistics", "openings": 2,
        "wage_min": 4500, "wage_max": 5500, "wage_unit": "month", "area": "KT-03", "housing": True,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "叉车司机",
                "description": (
                    "在轧花厂成品库用叉车装卸、码放棉包，配合货车装车。以白班为主，旺季偶尔加班，加班费另计。"
                    "提供宿舍和工作餐。"
                ),
                "requirements": "持有效叉车作业证（特种设备作业人员证），一年以上叉车经验。",
                "work_place": "英艾日克镇工业路16号 白絮轧花厂成品库",
            },
            "ug": {
                "title": "يۈك كۆتۈرگۈچ ماشىنا شوپۇرى",
                "description": (
                    "پاختا زاۋۇتىنىڭ مەھسۇلات ئامبىرىدا يۈك كۆتۈرگۈچ ماشىنا بىلەن پاختا تايلىرىنى چۈشۈرۈش، "
                    "تىزىش ۋە يۈك ماشىنىلىرىغا بېسىش ئىشلىرىنى قىلىدۇ. ئاساسەن كۈندۈزى ئىشلەيدۇ، ئالدىراش "
                    "پەسىلدە بەزىدە قوشۇمچە ئىشلەيدۇ، قوشۇمچە ئىش ھەققى ئايرىم بېرىلىدۇ. ياتاق ۋە ئىش "
                    "تامىقى بىلەن تەمىنلىنىدۇ."
                ),
                "requirements": (
                    "ئىناۋەتلىك يۈك كۆتۈرگۈچ ماشىنا مەشغۇلات گۇۋاھنامىسى (ئالاھىدە ئۈسكۈنە مەشغۇلات "
                    "گۇۋاھنامىسى) ۋە بىر يىلدىن ئارتۇق تەجرىبىسى بولۇشى كېرەك."
                ),
                "work_place": (
                    "يېڭىئېرىق بازىرى سانائەت يولى 16-نومۇر، بەيشۈي پاختا زاۋۇتى مەھسۇلات ئامبىرى"
                ),
            },
            "en": {
                "title": "Forklift driver",
                "description": (
                    "Unloading and stacking cotton bales with a forklift in the gin's bale store and "
                    "loading lorries. Mostly day shifts, with some overtime in the busy season, paid "
                    "separately. Dormitory and work meals provided."
                ),
                "requirements": (
                    "A valid forklift operator certificate (special equipment operator) and at least one "
                    "year of experience."
                ),
                "work_place": "Bale store, Baixu cotton gin, 16 Industry Road, Yengieriq Town",
            },
        },
    },
    {
        "key": "cotton_gin_sampler", "employer": "cotton_gin", "sector": "manufacturing", "openings": 2,
        "wage_min": 3500, "wage_max": 4000, "wage_unit": "month", "area": "KT-03", "housing": True,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "棉花质检取样员",
                "description": (
                    "按规定从棉包中取样、贴标签并送到化验室，在电脑上登记检验数据。上白班，每周休息一天。"
                    "提供宿舍和工作餐，上岗前有专人带教。"
                ),
                "requirements": (
                    "高中或中专以上学历，会基本的电脑操作，视力良好；能用汉语和维吾尔语交流者优先。"
                ),
                "work_place": "英艾日克镇工业路16号 白絮轧花厂质检室",
            },
            "ug": {
                "title": "پاختا سۈپىتىنى تەكشۈرۈش ۋە ئەۋرىشكە ئېلىش خادىمى",
                "description": (
                    "بەلگىلىمە بويىچە پاختا تايلىرىدىن ئەۋرىشكە ئېلىپ، بەلگە چاپلاپ تەجرىبىخانىغا يەتكۈزىدۇ "
                    "ھەمدە تەكشۈرۈش سانلىق مەلۇماتلىرىنى كومپيۇتېرغا كىرگۈزىدۇ. كۈندۈزى ئىشلەيدۇ، ھەپتىدە "
                    "بىر كۈن دەم ئالىدۇ. ياتاق ۋە ئىش تامىقى بىلەن تەمىنلىنىدۇ، ئىشقا چۈشۈشتىن بۇرۇن مەخسۇس "
                    "ئادەم ئۆگىتىدۇ."
                ),
                "requirements": (
                    "تولۇق ئوتتۇرا ياكى ئوتتۇرا تېخنىكومدىن يۇقىرى مەلۇماتى بولۇشى، كومپيۇتېرنى ئاددىي "
                    "ئىشلىتەلىشى، كۆرۈش قۇۋۋىتى ياخشى بولۇشى كېرەك؛ خەنزۇچە ۋە ئۇيغۇرچە سۆزلىيەلەيدىغانلار "
                    "ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "يېڭىئېرىق بازىرى سانائەت يولى 16-نومۇر، بەيشۈي پاختا زاۋۇتى سۈپەت تەكشۈرۈش ئۆيى"
                ),
            },
            "en": {
                "title": "Cotton quality sampler",
                "description": (
                    "Taking samples from cotton bales as prescribed, labelling them, bringing them to the "
                    "lab and entering the test results on the computer. Day shifts, one day off a week. "
                    "Dormitory and work meals provided; a colleague trains you at the start."
                ),
                "requirements": (
                    "Senior high school or technical secondary school, basic computer skills, good "
                    "eyesight; speaking Chinese and Uyghur is a plus."
                ),
                "work_place": "Quality room, Baixu cotton gin, 16 Industry Road, Yengieriq Town",
            },
        },
    },
    {
        "key": "garment_workshop_sewer", "employer": "garment_workshop", "sector": "manufacturing",
        "openings": 25, "wage_min": 2, "wage_max": 4, "wage_unit": "piece", "area": "KT-01-01",
        "housing": False, "meals": True, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "缝纫工（计件）",
                "description": (
                    "在村里的车间用缝纫机缝制围裙、手提袋和工装，按件计酬，每件2至4元，"
                    "熟练工每月一般能拿3500到4500元。每天工作8小时，管午饭，也可以回家午休；"
                    "家里有小孩的可以申请早点下班接孩子。"
                ),
                "requirements": "18至55岁，会用缝纫机者优先；不会的可以先参加车间的免费培训。",
                "work_place": "博斯坦村村委会旁 服装加工车间",
            },
            "ug": {
                "title": "تىككۈچى (پارچە ھېسابىدا)",
                "description": (
                    "كەنتتىكى سېختا تىكىش ماشىنىسى بىلەن پەرتۇق، قول سومكىسى ۋە ئىش كىيىمى تىكىدۇ. ئىش "
                    "ھەققى تىككەن سانىغا قاراپ بېرىلىدۇ، ھەر پارچىسىغا 2–4 يۈەن، ماھىر ئىشچىلار ئادەتتە "
                    "ئايدا 3500–4500 يۈەن ئالىدۇ. كۈنىگە 8 سائەت ئىشلەيدۇ، چۈشلۈك تاماق بېرىلىدۇ، ئۆيگە "
                    "بېرىپ دەم ئالسىمۇ بولىدۇ؛ كىچىك بالىسى بارلار بالىسىنى ئېلىش ئۈچۈن بالدۇرراق قايتىشنى "
                    "ئىلتىماس قىلسا بولىدۇ."
                ),
                "requirements": (
                    "يېشى 18–55 ئارىلىقىدا. تىكىش ماشىنىسىنى ئىشلىتەلەيدىغانلار ئالدىن ئويلىشىلىدۇ؛ "
                    "بىلمەيدىغانلار ئالدى بىلەن سېخنىڭ ھەقسىز تەربىيىسىگە قاتناشسا بولىدۇ."
                ),
                "work_place": "بوستان كەنتى، كەنت كومىتېتىنىڭ يېنىدىكى كىيىم-كېچەك سېخى",
            },
            "en": {
                "title": "Sewing machine operator (piece rate)",
                "description": (
                    "Sewing aprons, tote bags and work clothes in the village workshop. Paid per piece, 2-4 "
                    "yuan depending on the item; experienced workers usually earn 3,500-4,500 yuan a month. "
                    "8 hours a day; lunch provided, or go home for the break. Parents of young children can "
                    "ask to leave early for school pick-up."
                ),
                "requirements": (
                    "Age 18-55. Sewing machine experience preferred; if you have none, join the workshop's "
                    "free course first."
                ),
                "work_place": "Garment workshop next to the village committee, Bostan Village",
            },
        },
    },
    {
        "key": "garment_workshop_apprentice", "employer": "garment_workshop", "sector": "manufacturing",
        "openings": 8, "wage_min": 3000, "wage_max": 3000, "wage_unit": "month", "area": "KT-01-01",
        "housing": False, "meals": True, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "缝纫学徒",
                "description": (
                    "没有经验也可以来，由老师傅一对一带教，学习使用缝纫机和简单的裁剪。学徒期一般两个月，"
                    "期间拿固定工资，出师后改为计件。每天工作8小时，管午饭。"
                ),
                "requirements": "18至45岁，有耐心，愿意学手艺。",
                "work_place": "博斯坦村村委会旁 服装加工车间",
            },
            "ug": {
                "title": "تىكىش شاگىرتى",
                "description": (
                    "تەجرىبىسى يوقلارمۇ كەلسە بولىدۇ، تەجرىبىلىك ئۇستا بىرمۇبىر ئۆگىتىدۇ: تىكىش ماشىنىسى "
                    "ئىشلىتىش ۋە ئاددىي پىچىشنى ئۆگىنىسىز. شاگىرتلىق ۋاقتى ئادەتتە ئىككى ئاي، بۇ جەرياندا "
                    "مۇقىم ئىش ھەققى بېرىلىدۇ، ئۆگىنىپ بولغاندىن كېيىن پارچە ھېسابىدا ھەق ئالىسىز. كۈنىگە 8 "
                    "سائەت ئىشلەيدۇ، چۈشلۈك تاماق بېرىلىدۇ."
                ),
                "requirements": "يېشى 18–45 ئارىلىقىدا، سەۋرچان، ھۈنەر ئۆگىنىشنى خالايدىغان بولسا بولىدۇ.",
                "work_place": "بوستان كەنتى، كەنت كومىتېتىنىڭ يېنىدىكى كىيىم-كېچەك سېخى",
            },
            "en": {
                "title": "Sewing apprentice",
                "description": (
                    "No experience needed: an experienced tailor teaches you one-to-one to use the sewing "
                    "machines and do simple cutting. The apprenticeship usually lasts two months on a fixed "
                    "wage, then you move to piece rates. 8 hours a day, lunch provided."
                ),
                "requirements": "Age 18-45, patient and keen to learn a trade.",
                "work_place": "Garment workshop next to the village committee, Bostan Village",
            },
        },
    },
    {
        "key": "garment_workshop_ironer", "employer": "garment_workshop", "sector": "manufacturing",
        "openings": 4, "wage_min": 18, "wage_max": 20, "wage_unit": "hour", "area": "KT-01-01",
        "housing": False, "meals": False, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "熨烫包装工（小时工）",
                "description": (
                    "负责成品熨烫、叠衣、贴标签和装箱。时间灵活，可以只上午或只下午来，每天至少4小时。"
                    "按小时计酬，每半个月结算一次。"
                ),
                "requirements": "18至60岁，手脚麻利，做事仔细。",
                "work_place": "博斯坦村村委会旁 服装加工车间",
            },
            "ug": {
                "title": "دەزماللاش ۋە ئوراش ئىشچىسى (سائەتلىك)",
                "description": (
                    "تەييار بولغان مەھسۇلاتلارنى دەزماللاش، قاتلاش، بەلگە چاپلاش ۋە قۇتىلاش ئىشلىرىنى "
                    "قىلىدۇ. ۋاقىت جانلىق، پەقەت چۈشتىن بۇرۇن ياكى پەقەت چۈشتىن كېيىن كەلسىمۇ بولىدۇ، "
                    "كۈنىگە كەم دېگەندە 4 سائەت ئىشلەيدۇ. ئىش ھەققى سائەت بويىچە ھېسابلىنىپ، يېرىم ئايدا "
                    "بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": "يېشى 18–60 ئارىلىقىدا، چاققان، ئىشنى ئىنچىكە قىلىدىغان بولۇشى كېرەك.",
                "work_place": "بوستان كەنتى، كەنت كومىتېتىنىڭ يېنىدىكى كىيىم-كېچەك سېخى",
            },
            "en": {
                "title": "Ironing and packing (hourly)",
                "description": (
                    "Ironing finished goods, folding, labelling and boxing. Flexible: come mornings only or "
                    "afternoons only, at least 4 hours a day. Paid by the hour, settled every half month."
                ),
                "requirements": "Age 18-60, quick and careful.",
                "work_place": "Garment workshop next to the village committee, Bostan Village",
            },
        },
    },
    {
        "key": "spinning_mill_operator", "employer": "spinning_mill", "sector": "manufacturing",
        "openings": 30, "wage_min": 4200, "wage_max": 5500, "wage_unit": "month", "area": "KT-01",
        "housing": True, "meals": True, "transport": True, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "纺纱挡车工",
                "description": (
                    "在细纱或络筒车间看管机器：接断头、换纱管、保持机台清洁。三班倒，每班8小时，每月休息4天。"
                    "公司提供免费宿舍（4人间，住宿自愿）、食堂工作餐和往返各乡镇的班车，缴纳五险。"
                ),
                "requirements": "18至45岁，视力正常，能适应倒班；没有经验可以学，带薪培训一周。",
                "work_place": "阔克塔勒县工业园区纺织路8号",
            },
            "ug": {
                "title": "يىپ ئىگىرىش ماشىنىسى باققۇچىسى",
                "description": (
                    "ئىنچىكە يىپ سېخى ياكى يىپ ئوراش سېخىدا ماشىنىلارغا قارايدۇ: ئۈزۈلگەن يىپنى ئۇلاش، يىپ "
                    "غالتىكىنى ئالماشتۇرۇش ۋە ماشىنىنى پاكىز تۇتۇش. ئۈچ نۆۋەتلىك، ھەر نۆۋەت 8 سائەت، ئايدا "
                    "4 كۈن دەم ئالىدۇ. شىركەت ھەقسىز ياتاق (4 كىشىلىك، خالىغانلار تۇرىدۇ)، ئاشخانىدا ئىش "
                    "تامىقى ۋە ھەر قايسى يېزا-بازارلارغا قاتنايدىغان ماشىنا بىلەن تەمىنلەيدۇ، بەش خىل "
                    "سۇغۇرتا تاپشۇرۇپ بېرىدۇ."
                ),
                "requirements": (
                    "يېشى 18–45 ئارىلىقىدا، كۆرۈش قۇۋۋىتى نورمال، نۆۋەتلىشىپ ئىشلەشكە ماسلىشالايدىغان "
                    "بولۇشى كېرەك. تەجرىبىسى يوقلار ئۆگىنەلەيدۇ، بىر ھەپتە ھەقلىق تەربىيە بېرىلىدۇ."
                ),
                "work_place": "كۆكتال ناھىيىلىك سانائەت باغچىسى توقۇمىچىلىق يولى 8-نومۇر",
            },
            "en": {
                "title": "Spinning machine tender",
                "description": (
                    "Minding the machines in the spinning or winding hall: joining broken ends, changing "
                    "bobbins and keeping the frames clean. Three 8-hour shifts, 4 days off a month. Free "
                    "dormitory (4 to a room, optional), canteen meals and shuttle buses to every township; "
                    "social insurance paid."
                ),
                "requirements": (
                    "Age 18-45, normal eyesight, able to work shifts. No experience needed: one week of "
                    "paid training."
                ),
                "work_place": "8 Textile Road, Koktal Industrial Park",
            },
        },
    },
    {
        "key": "spinning_mill_electrician", "employer": "spinning_mill", "sector": "manufacturing",
        "openings": 2, "wage_min": 5500, "wage_max": 6500, "wage_unit": "month", "area": "KT-01",
        "housing": True, "meals": True, "transport": True, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "设备电工",
                "description": (
                    "负责车间设备和配电线路的日常巡检、维修和保养，处理突发停机。以白班为主，"
                    "轮流参加夜间值班。提供宿舍、工作餐和班车。"
                ),
                "requirements": "持有效低压电工特种作业操作证，两年以上工厂电工经验；懂PLC者优先。",
                "work_place": "阔克塔勒县工业园区纺织路8号",
            },
            "ug": {
                "title": "ئۈسكۈنە توكچىسى",
                "description": (
                    "سېخلاردىكى ئۈسكۈنىلەر ۋە توك تارقىتىش لىنىيىلىرىنى دائىم چارلاش، رېمونت قىلىش ۋە "
                    "ئاسراشقا، تۇيۇقسىز توختاپ قالغان ماشىنىلارنى ئوڭشاشقا مەسئۇل بولىدۇ. ئاساسەن كۈندۈزى "
                    "ئىشلەيدۇ، كېچىلىك نۆۋەتچىلىككە نۆۋەت بىلەن قاتنىشىدۇ. ياتاق، ئىش تامىقى ۋە قاتناش "
                    "ماشىنىسى بىلەن تەمىنلىنىدۇ."
                ),
                "requirements": (
                    "ئىناۋەتلىك تۆۋەن بېسىملىق توكچىلىق ئالاھىدە مەشغۇلات گۇۋاھنامىسى ۋە زاۋۇتتا ئىككى "
                    "يىلدىن ئارتۇق توكچىلىق قىلغان تەجرىبىسى بولۇشى كېرەك؛ PLC بىلىدىغانلار ئالدىن "
                    "ئويلىشىلىدۇ."
                ),
                "work_place": "كۆكتال ناھىيىلىك سانائەت باغچىسى توقۇمىچىلىق يولى 8-نومۇر",
            },
            "en": {
                "title": "Maintenance electrician",
                "description": (
                    "Routine inspection, repair and upkeep of the machines and power distribution in the "
                    "halls, and getting stopped machines running again. Mostly day shifts, with night duty "
                    "by rota. Dormitory, work meals and shuttle bus provided."
                ),
                "requirements": (
                    "A valid low-voltage electrician certificate and at least two years as a factory "
                    "electrician; PLC knowledge is a plus."
                ),
                "work_place": "8 Textile Road, Koktal Industrial Park",
            },
        },
    },
    {
        "key": "spinning_mill_guard", "employer": "spinning_mill", "sector": "services", "openings": 3,
        "wage_min": 3200, "wage_max": 3800, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "门卫保安",
                "description": (
                    "负责厂区大门值守、来访登记、车辆进出管理和夜间巡逻。两班轮换，每班12小时，上一天休一天。"
                    "提供宿舍和工作餐。"
                ),
                "requirements": "25至55岁，身体健康，责任心强；有保安员证或退役军人优先。",
                "work_place": "阔克塔勒县工业园区纺织路8号 厂区大门",
            },
            "ug": {
                "title": "دەرۋازا قاراۋۇلى",
                "description": (
                    "زاۋۇت دەرۋازىسىدا نۆۋەتچىلىك قىلىش، كەلگۈچىلەرنى تىزىملاش، ماشىنىلارنىڭ كىرىپ-چىقىشىنى "
                    "باشقۇرۇش ۋە كېچىدە چارلاش ئىشلىرىنى قىلىدۇ. ئىككى نۆۋەتلىك، ھەر نۆۋەت 12 سائەت، بىر "
                    "كۈن ئىشلەپ بىر كۈن دەم ئالىدۇ. ياتاق ۋە ئىش تامىقى بىلەن تەمىنلىنىدۇ."
                ),
                "requirements": (
                    "يېشى 25–55 ئارىلىقىدا، سالامەتلىكى ياخشى، مەسئۇلىيەتچان بولۇشى كېرەك؛ قاراۋۇللۇق "
                    "گۇۋاھنامىسى بارلار ياكى ھەربىي سەپتىن قايتقانلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "كۆكتال ناھىيىلىك سانائەت باغچىسى توقۇمىچىلىق يولى 8-نومۇر، زاۋۇت دەرۋازىسى",
            },
            "en": {
                "title": "Gate security guard",
                "description": (
                    "Keeping the factory gate: registering visitors, managing vehicles in and out, and "
                    "night patrols. Two 12-hour shifts, one day on and one day off. Dormitory and work "
                    "meals provided."
                ),
                "requirements": (
                    "Age 25-55, healthy and reliable; a security guard certificate or army service is a "
                    "plus."
                ),
                "work_place": "Main gate, 8 Textile Road, Koktal Industrial Park",
            },
        },
    },
    {
        "key": "fruit_factory_sorter", "employer": "fruit_factory", "sector": "manufacturing",
        "openings": 20, "wage_min": 3300, "wage_max": 4000, "wage_unit": "month", "area": "KT-02",
        "housing": False, "meals": True, "transport": True, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "干果分拣包装工",
                "description": (
                    "在车间分拣杏干、葡萄干和核桃，按大小和颜色分级，称重装袋。每天工作8小时，"
                    "旺季可以自愿加班。管午饭，工厂班车每天接送附近几个村的工人。"
                ),
                "requirements": "18至55岁，男女不限，手脚麻利；不需要经验。",
                "work_place": "阿纳尔巴格乡果品加工厂（乡政府东侧500米）",
            },
            "ug": {
                "title": "قۇرۇق مېۋە تاللاش ۋە ئوراش ئىشچىسى",
                "description": (
                    "سېختا ئۆرۈك قېقى، ئۈزۈم قېقى ۋە ياڭاقلارنى تاللاپ، چوڭ-كىچىكلىكى ۋە رەڭگىگە قاراپ "
                    "دەرىجىگە ئايرىپ، تارتىپ خالتىلارغا قاچىلايدۇ. كۈنىگە 8 سائەت ئىشلەيدۇ، ئالدىراش "
                    "پەسىلدە خالىغانلار قوشۇمچە ئىشلىسە بولىدۇ. چۈشلۈك تاماق بېرىلىدۇ، زاۋۇتنىڭ ماشىنىسى "
                    "ھەر كۈنى ئەتراپتىكى كەنتلەردىكى ئىشچىلارنى ئېلىپ كېلىپ ئاپىرىپ قويىدۇ."
                ),
                "requirements": (
                    "يېشى 18–55 ئارىلىقىدا، ئەر-ئايال چەكلەنمەيدۇ، قولى چاققان بولسا بولىدۇ؛ تەجرىبە تەلەپ "
                    "قىلىنمايدۇ."
                ),
                "work_place": (
                    "ئانارباغ يېزىلىق مېۋە پىششىقلاپ ئىشلەش زاۋۇتى (يېزىلىق ھۆكۈمەتنىڭ شەرق تەرىپىدە 500 "
                    "مېتىر)"
                ),
            },
            "en": {
                "title": "Dried fruit sorter and packer",
                "description": (
                    "Sorting dried apricots, raisins and walnuts by size and colour, weighing and bagging "
                    "them. 8 hours a day; overtime in the busy season only if you want it. Lunch provided, "
                    "and the factory bus picks up and drops off workers from the nearby villages every day."
                ),
                "requirements": "Age 18-55, men and women, nimble hands; no experience needed.",
                "work_place": "Anarbagh Fruit Processing Plant, 500 m east of the township government",
            },
        },
    },
    {
        "key": "fruit_factory_box_packer", "employer": "fruit_factory", "sector": "manufacturing",
        "openings": 10, "wage_min": 1, "wage_max": 2, "wage_unit": "piece", "area": "KT-02",
        "housing": False, "meals": True, "transport": True, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "礼盒包装工（计件）",
                "description": (
                    "把称好的干果装进礼盒、封口、贴标签，按盒子大小每盒1至2元。熟练后每天一般能装150盒以上。"
                    "管午饭，有班车。"
                ),
                "requirements": "18至60岁，做事仔细；可以只干半天。",
                "work_place": "阿纳尔巴格乡果品加工厂（乡政府东侧500米）",
            },
            "ug": {
                "title": "سوۋغات قۇتىسى قاچىلاش ئىشچىسى (پارچە ھېسابىدا)",
                "description": (
                    "تارتىلغان قۇرۇق مېۋىلەرنى سوۋغات قۇتىلىرىغا قاچىلاپ، ئاغزىنى يېپىپ، بەلگە چاپلايدۇ. "
                    "قۇتىنىڭ چوڭ-كىچىكلىكىگە قاراپ ھەر بىر قۇتىغا 1–2 يۈەن بېرىلىدۇ؛ ماھىر بولغاندىن كېيىن "
                    "كۈنىگە ئادەتتە 150 قۇتىدىن ئارتۇق قاچىلىغىلى بولىدۇ. چۈشلۈك تاماق بېرىلىدۇ، قاتناش "
                    "ماشىنىسى بار."
                ),
                "requirements": (
                    "يېشى 18–60 ئارىلىقىدا، ئىشنى ئىنچىكە قىلىدىغان بولۇشى كېرەك؛ پەقەت يېرىم كۈن ئىشلىسىمۇ "
                    "بولىدۇ."
                ),
                "work_place": (
                    "ئانارباغ يېزىلىق مېۋە پىششىقلاپ ئىشلەش زاۋۇتى (يېزىلىق ھۆكۈمەتنىڭ شەرق تەرىپىدە 500 "
                    "مېتىر)"
                ),
            },
            "en": {
                "title": "Gift box packer (piece rate)",
                "description": (
                    "Filling gift boxes with weighed dried fruit, sealing and labelling them: 1-2 yuan per "
                    "box depending on its size. Once you are quick, 150 boxes a day or more is usual. Lunch "
                    "and the factory bus provided."
                ),
                "requirements": "Age 18-60, careful work; half days are fine.",
                "work_place": "Anarbagh Fruit Processing Plant, 500 m east of the township government",
            },
        },
    },
    {
        "key": "fruit_factory_accountant", "employer": "fruit_factory", "sector": "services", "openings": 1,
        "wage_min": 4500, "wage_max": 5500, "wage_unit": "month", "area": "KT-02", "housing": True,
        "meals": True, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "会计（欢迎应届毕业生）",
                "description": (
                    "负责工厂日常记账、开具发票、工资表和纳税申报，配合外部审计。周一至周五上班，周末双休。"
                    "提供单人宿舍和工作餐，缴纳五险。"
                ),
                "requirements": (
                    "会计、财务管理等相关专业大专以上学历，会用Excel和财务软件；应届毕业生可以，"
                    "有初级会计证者优先。"
                ),
                "work_place": "阿纳尔巴格乡果品加工厂（乡政府东侧500米） 财务室",
            },
            "ug": {
                "title": "بوغالتىر (يېڭى ئوقۇش پۈتتۈرگەنلەرنى قارشى ئالىمىز)",
                "description": (
                    "زاۋۇتنىڭ كۈندىلىك ھېسابات خاتىرىسى، تالون بېرىش، ئىش ھەققى جەدۋىلى ۋە باج مەلۇم قىلىش "
                    "ئىشلىرىغا مەسئۇل بولىدۇ، سىرتتىن كەلگەن ھېسابات تەكشۈرۈشكە ماسلىشىدۇ. دۈشەنبىدىن "
                    "جۈمەگىچە ئىشلەيدۇ، شەنبە-يەكشەنبە دەم ئالىدۇ. بىر كىشىلىك ياتاق ۋە ئىش تامىقى بىلەن "
                    "تەمىنلىنىدۇ، بەش خىل سۇغۇرتا تاپشۇرۇپ بېرىلىدۇ."
                ),
                "requirements": (
                    "بوغالتىرلىق ياكى مالىيە باشقۇرۇش قاتارلىق كەسىپلەردە ئالىي تېخنىكومدىن يۇقىرى مەلۇماتى "
                    "بولۇشى، Excel ۋە مالىيە يۇمشاق دېتالىنى ئىشلىتەلىشى كېرەك. يېڭى ئوقۇش پۈتتۈرگەنلەرمۇ "
                    "بولىدۇ، دەسلەپكى بوغالتىرلىق گۇۋاھنامىسى بارلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "ئانارباغ يېزىلىق مېۋە پىششىقلاپ ئىشلەش زاۋۇتى (يېزىلىق ھۆكۈمەتنىڭ شەرق تەرىپىدە 500 "
                    "مېتىر)، مالىيە ئىشخانىسى"
                ),
            },
            "en": {
                "title": "Accountant (new graduates welcome)",
                "description": (
                    "Day-to-day bookkeeping, invoices, payroll and tax returns for the plant, and working "
                    "with the external auditors. Monday to Friday, weekends off. Single room and work meals "
                    "provided; social insurance paid."
                ),
                "requirements": (
                    "A college diploma or degree in accounting, finance or similar; able to use Excel and "
                    "accounting software. New graduates are welcome; a junior accountant certificate is a "
                    "plus."
                ),
                "work_place": (
                    "Finance office, Anarbagh Fruit Processing Plant, 500 m east of the township government"
                ),
            },
        },
    },
    {
        "key": "fruit_factory_apricot_picker", "employer": "fruit_factory", "sector": "agriculture",
        "openings": 15, "wage_min": 160, "wage_max": 200, "wage_unit": "day", "area": "KT-02-02",
        "housing": False, "meals": True, "transport": True, "valid_days": 10, "status": "closed",
        "texts": {
            "zh": {
                "title": "杏子采摘工（短期）",
                "description": (
                    "在吾如克鲁克村的合作杏园采摘和分拣杏子，采摘期约三周。每天早上在乡政府门口统一坐车出发，"
                    "管午饭，工钱当天结清。"
                ),
                "requirements": "18至60岁，身体健康，能上梯子作业。",
                "work_place": "阿纳尔巴格乡吾如克鲁克村杏园",
            },
            "ug": {
                "title": "ئۆرۈك ئۈزۈش ئىشچىسى (قىسقا مۇددەتلىك)",
                "description": (
                    "ئۆرۈكلۈك كەنتىدىكى ھەمكارلاشقان ئۆرۈك باغلىرىدا ئۆرۈك ئۈزۈش ۋە تاللاش ئىشلىرىنى "
                    "قىلىدۇ، ئۈزۈش مەزگىلى تەخمىنەن ئۈچ ھەپتە. ھەر كۈنى ئەتىگەندە يېزىلىق ھۆكۈمەت ئالدىدىن "
                    "بىرلىكتە ماشىنىدا ماڭىمىز، چۈشلۈك تاماق بېرىلىدۇ، ئىش ھەققى شۇ كۈنى بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–60 ئارىلىقىدا، سالامەتلىكى ياخشى، شوتىغا چىقىپ ئىشلىيەلەيدىغان بولۇشى كېرەك."
                ),
                "work_place": "ئانارباغ يېزىسى ئۆرۈكلۈك كەنتىدىكى ئۆرۈك باغلىرى",
            },
            "en": {
                "title": "Apricot picker (short term)",
                "description": (
                    "Picking and sorting apricots in partner orchards in Orukluk Village; the season lasts "
                    "about three weeks. A vehicle leaves from the township government gate every morning; "
                    "lunch provided, paid the same day."
                ),
                "requirements": "Age 18-60, healthy, able to work on a ladder.",
                "work_place": "Apricot orchards, Orukluk Village, Anarbagh Township",
            },
        },
    },
    {
        "key": "greenhouse_farm_worker", "employer": "greenhouse_farm", "sector": "agriculture",
        "openings": 12, "wage_min": 150, "wage_max": 180, "wage_unit": "day", "area": "KT-02-03",
        "housing": False, "meals": True, "transport": False, "valid_days": 40, "status": "published",
        "texts": {
            "zh": {
                "title": "大棚种植工",
                "description": (
                    "在蔬菜大棚里育苗、移栽、吊蔓、打杈和采摘西红柿、黄瓜。每天工作约8小时，中午休息两小时，"
                    "管午饭。工钱按天计算，每周五发放。"
                ),
                "requirements": "18至60岁，能吃苦；有大棚种植经验者优先，新手由技术员在现场教。",
                "work_place": "阿纳尔巴格乡苏盖提力克村大棚基地",
            },
            "ug": {
                "title": "ئىسسىقخانا ئىشچىسى",
                "description": (
                    "كۆكتات ئىسسىقخانىلىرىدا كۆچەت ئۆستۈرۈش، كۆچەت كۆچۈرۈپ تىكىش، پەمىدۇر ۋە تەرخەمەك "
                    "غولىنى ئېسىپ باغلاش، ئارتۇقچە شاخلىرىنى ئېلىۋېتىش ۋە ھوسۇل ئۈزۈش ئىشلىرىنى قىلىدۇ. "
                    "كۈنىگە تەخمىنەن 8 سائەت ئىشلەيدۇ، چۈشتە ئىككى سائەت دەم ئالىدۇ، چۈشلۈك تاماق بېرىلىدۇ. "
                    "ئىش ھەققى كۈن بويىچە ھېسابلىنىپ، ھەر جۈمە كۈنى بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–60 ئارىلىقىدا، جاپاغا چىدامچان بولۇشى كېرەك. ئىسسىقخانىدا ئىشلىگەن تەجرىبىسى "
                    "بارلار ئالدىن ئويلىشىلىدۇ، يېڭىلارغا تېخنىكا خادىمى نەق مەيداندا ئۆگىتىدۇ."
                ),
                "work_place": "ئانارباغ يېزىسى سۆگەتلىك كەنتى ئىسسىقخانا بازىسى",
            },
            "en": {
                "title": "Greenhouse worker",
                "description": (
                    "Raising and transplanting seedlings, training and side-shooting tomato and cucumber "
                    "plants, and picking in the vegetable greenhouses. About 8 hours a day with a two-hour "
                    "midday break; lunch provided. Paid by the day, every Friday."
                ),
                "requirements": (
                    "Age 18-60, hard-working; greenhouse experience preferred, beginners are taught on site "
                    "by a technician."
                ),
                "work_place": "Greenhouse farm, Sogetlik Village, Anarbagh Township",
            },
        },
    },
    {
        "key": "greenhouse_farm_technician", "employer": "greenhouse_farm", "sector": "agriculture",
        "openings": 1, "wage_min": 4500, "wage_max": 6000, "wage_unit": "month", "area": "KT-02-03",
        "housing": True, "meals": True, "transport": False, "valid_days": 60, "status": "draft",
        "texts": {
            "zh": {
                "title": "农业技术员",
                "description": (
                    "负责60座大棚的种植计划、病虫害防治和水肥管理，给班组长做技术指导，并记录生产数据。"
                    "提供宿舍和一日三餐，每月休息4天。"
                ),
                "requirements": (
                    "农学、园艺或设施农业等相关专业大专以上学历；欢迎应届毕业生，会说维吾尔语和汉语者优先。"
                ),
                "work_place": "阿纳尔巴格乡苏盖提力克村大棚基地",
            },
            "ug": {
                "title": "يېزا ئىگىلىك تېخنىكا خادىمى",
                "description": (
                    "60 ئىسسىقخانىنىڭ تېرىش پىلانى، كېسەللىك ۋە زىيانداش ھاشاراتلارنىڭ ئالدىنى ئېلىش، سۇ ۋە "
                    "ئوغۇت باشقۇرۇشقا مەسئۇل بولىدۇ، گۇرۇپپا باشلىقلىرىغا تېخنىكا جەھەتتىن يېتەكچىلىك "
                    "قىلىدۇ ھەمدە ئىشلەپچىقىرىش سانلىق مەلۇماتلىرىنى خاتىرىلەيدۇ. ياتاق ۋە ئۈچ ۋاق تاماق "
                    "بىلەن تەمىنلىنىدۇ، ئايدا 4 كۈن دەم ئالىدۇ."
                ),
                "requirements": (
                    "دېھقانچىلىق، باغۋەنچىلىك ياكى ئەسلىھەلىك يېزا ئىگىلىكى قاتارلىق كەسىپلەردە ئالىي "
                    "تېخنىكومدىن يۇقىرى مەلۇماتى بولۇشى كېرەك؛ يېڭى ئوقۇش پۈتتۈرگەنلەرنى قارشى ئالىمىز، "
                    "ئۇيغۇرچە ۋە خەنزۇچە سۆزلىيەلەيدىغانلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "ئانارباغ يېزىسى سۆگەتلىك كەنتى ئىسسىقخانا بازىسى",
            },
            "en": {
                "title": "Farm technician",
                "description": (
                    "Planning the planting in 60 greenhouses, pest and disease control, and water and "
                    "fertiliser management; advising the team leaders and recording production data. "
                    "Dormitory and three meals a day provided, 4 days off a month."
                ),
                "requirements": (
                    "A college diploma or degree in agronomy, horticulture or protected agriculture; new "
                    "graduates welcome, speaking Uyghur and Chinese is a plus."
                ),
                "work_place": "Greenhouse farm, Sogetlik Village, Anarbagh Township",
            },
        },
    },
    {
        "key": "jujube_coop_pruner", "employer": "jujube_coop", "sector": "agriculture", "openings": 10,
        "wage_min": 180, "wage_max": 230, "wage_unit": "day", "area": "KT-04-01", "housing": False,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "枣树修剪工",
                "description": (
                    "按技术员的要求给枣树修剪整形、清理枯枝，并协助施肥和浇水。每天工作约8小时，管午饭，"
                    "工钱每周结一次。本村的人步行就能到枣园。"
                ),
                "requirements": "有果树修剪经验者优先，没有经验的开工前有半天培训；请自带手套。",
                "work_place": "阿克亚尔乡其兰力克村枣园",
            },
            "ug": {
                "title": "چىلان شېخى پۇتاش ئىشچىسى",
                "description": (
                    "تېخنىكا خادىمىنىڭ تەلىپى بويىچە چىلان دەرەخلىرىنىڭ شېخىنى پۇتاپ شەكىلگە كەلتۈرۈش، "
                    "قۇرۇق شاخلارنى تازىلاش، ئوغۇتلاش ۋە سۇغىرىشقا ياردەملىشىش ئىشلىرىنى قىلىدۇ. كۈنىگە "
                    "تەخمىنەن 8 سائەت ئىشلەيدۇ، چۈشلۈك تاماق بېرىلىدۇ، ئىش ھەققى ھەپتىدە بىر قېتىم "
                    "بېرىلىدۇ. كەنتتىكىلەر چىلان باغلىرىغا پىيادە بارالايدۇ."
                ),
                "requirements": (
                    "مېۋىلىك دەرەخ پۇتاش تەجرىبىسى بارلار ئالدىن ئويلىشىلىدۇ، تەجرىبىسى يوقلارغا ئىش "
                    "باشلاشتىن بۇرۇن يېرىم كۈن تەربىيە بېرىلىدۇ؛ پەلەينى ئۆزىڭىز ئېلىپ كېلىڭ."
                ),
                "work_place": "ئاقيار يېزىسى چىلانلىق كەنتىدىكى چىلان باغلىرى",
            },
            "en": {
                "title": "Jujube tree pruner",
                "description": (
                    "Pruning and shaping jujube trees as the technician shows you, clearing dead wood, and "
                    "helping with fertilising and watering. About 8 hours a day, lunch provided, paid "
                    "weekly. People from the village can walk to the orchards."
                ),
                "requirements": (
                    "Fruit tree pruning experience preferred; beginners get half a day of training first. "
                    "Please bring your own gloves."
                ),
                "work_place": "Jujube orchards, Chilanliq Village, Aqyar Township",
            },
        },
    },
    {
        "key": "jujube_coop_harvester", "employer": "jujube_coop", "sector": "agriculture", "openings": 30,
        "wage_min": 3, "wage_max": 4, "wage_unit": "piece", "area": "KT-04-01", "housing": False,
        "meals": True, "transport": False, "valid_days": 90, "status": "draft",
        "texts": {
            "zh": {
                "title": "红枣采收工（计件）",
                "description": (
                    "红枣成熟时在枣园采收、装筐并运到晾晒场，按筐计酬，每筐（约15公斤）3至4元。"
                    "每天的工作时间自己安排，管午饭。具体开工日期以合作社通知为准。"
                ),
                "requirements": "18至65岁，身体健康。", "work_place": "阿克亚尔乡其兰力克村枣园",
            },
            "ug": {
                "title": "قىزىل چىلان يىغىش ئىشچىسى (پارچە ھېسابىدا)",
                "description": (
                    "چىلان پىشقان مەزگىلدە چىلان باغلىرىدا چىلان يىغىپ، سېۋەتكە قاچىلاپ، قۇرۇتۇش مەيدانىغا "
                    "توشۇيدۇ. ئىش ھەققى سېۋەت سانىغا قاراپ بېرىلىدۇ، ھەر بىر سېۋەتكە (تەخمىنەن 15 كىلوگرام) "
                    "3–4 يۈەن. ئىش ۋاقتىنى ئۆزىڭىز ئورۇنلاشتۇرسىڭىز بولىدۇ، چۈشلۈك تاماق بېرىلىدۇ. ئىش "
                    "باشلاش ۋاقتى كوپىراتىپنىڭ ئۇقتۇرۇشى بويىچە بېكىتىلىدۇ."
                ),
                "requirements": "يېشى 18–65 ئارىلىقىدا، سالامەتلىكى ياخشى بولسا بولىدۇ.",
                "work_place": "ئاقيار يېزىسى چىلانلىق كەنتىدىكى چىلان باغلىرى",
            },
            "en": {
                "title": "Red jujube harvester (piece rate)",
                "description": (
                    "When the jujubes are ripe: picking them in the orchards, filling baskets and carrying "
                    "them to the drying yard. Paid per basket (about 15 kg), 3-4 yuan each. You set your "
                    "own hours; lunch provided. The start date will be announced by the cooperative."
                ),
                "requirements": "Age 18-65, in good health.",
                "work_place": "Jujube orchards, Chilanliq Village, Aqyar Township",
            },
        },
    },
    {
        "key": "builder_labourer", "employer": "builder", "sector": "construction", "openings": 20,
        "wage_min": 200, "wage_max": 260, "wage_unit": "day", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "建筑普工（日结）",
                "description": (
                    "在县城安居小区工地搬运材料、搅拌砂浆、清理现场，配合技工施工。每天工作约9小时，"
                    "管两顿饭，其他乡镇来的工人可以住工地宿舍。工资每半个月通过银行卡发放。"
                ),
                "requirements": "18至58岁，身体健康，能干体力活；进场前参加安全教育，在工地必须戴安全帽。",
                "work_place": "阔克塔勒镇幸福路安居小区二期工地",
            },
            "ug": {
                "title": "قۇرۇلۇش ئاددىي ئىشچىسى (كۈنلۈك)",
                "description": (
                    "ناھىيە بازىرىدىكى ئاھالە رايونى قۇرۇلۇش مەيدانىدا ماتېرىيال توشۇش، سېمونت "
                    "ئارىلاشتۇرۇش، مەيداننى تازىلاش ۋە ئۇستىلارغا ياردەملىشىش ئىشلىرىنى قىلىدۇ. كۈنىگە "
                    "تەخمىنەن 9 سائەت ئىشلەيدۇ، ئىككى ۋاق تاماق بېرىلىدۇ، باشقا يېزا-بازارلاردىن كەلگەن "
                    "ئىشچىلار قۇرۇلۇش مەيدانىدىكى ياتاقتا تۇرسا بولىدۇ. ئىش ھەققى يېرىم ئايدا بىر قېتىم "
                    "بانكا كارتىسىغا سېلىپ بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–58 ئارىلىقىدا، سالامەتلىكى ياخشى، ئېغىر ئىشقا چىدايدىغان بولۇشى كېرەك. ئىشقا "
                    "چۈشۈشتىن بۇرۇن بىخەتەرلىك تەربىيىسىگە قاتنىشىدۇ، قۇرۇلۇش مەيدانىدا چوقۇم بىخەتەرلىك "
                    "قالپىقى كىيىدۇ."
                ),
                "work_place": "كۆكتال بازىرى بەخت يولى، ئەنجۈ ئاھالە رايونى 2-باسقۇچ قۇرۇلۇش مەيدانى",
            },
            "en": {
                "title": "Construction labourer (paid by the day)",
                "description": (
                    "Carrying materials, mixing mortar, clearing up and helping the tradesmen on a housing "
                    "site in the county town. About 9 hours a day, two meals provided; workers from other "
                    "townships can stay in the site dormitory. Wages paid to your bank card every half "
                    "month."
                ),
                "requirements": (
                    "Age 18-58, healthy, able to do heavy work. Safety briefing before you start; a helmet "
                    "must be worn on site."
                ),
                "work_place": "Anju housing estate phase 2 site, Happiness Road, Koktal Town",
            },
        },
    },
    {
        "key": "builder_welder", "employer": "builder", "sector": "construction", "openings": 3,
        "wage_min": 280, "wage_max": 300, "wage_unit": "day", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "电焊工",
                "description": (
                    "按图纸焊接钢结构、栏杆和门窗。每天工作约9小时，管两顿饭，可以住工地宿舍。"
                    "工资每半个月通过银行卡发放。"
                ),
                "requirements": "持有效熔化焊接与热切割作业证，三年以上电焊经验。",
                "work_place": "阔克塔勒镇幸福路安居小区二期工地",
            },
            "ug": {
                "title": "كەپشەرچى",
                "description": (
                    "سىزما بويىچە پولات قۇرۇلما، تۆمۈر قاشا ۋە ئىشىك-دېرىزىلەرنى كەپشەرلەيدۇ. كۈنىگە "
                    "تەخمىنەن 9 سائەت ئىشلەيدۇ، ئىككى ۋاق تاماق بېرىلىدۇ، قۇرۇلۇش مەيدانىدىكى ياتاقتا تۇرسا "
                    "بولىدۇ. ئىش ھەققى يېرىم ئايدا بىر قېتىم بانكا كارتىسىغا سېلىپ بېرىلىدۇ."
                ),
                "requirements": (
                    "ئىناۋەتلىك ئېرىتىپ كەپشەرلەش ۋە ئىسسىق كېسىش مەشغۇلات گۇۋاھنامىسى ۋە ئۈچ يىلدىن ئارتۇق "
                    "كەپشەرلەش تەجرىبىسى بولۇشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى بەخت يولى، ئەنجۈ ئاھالە رايونى 2-باسقۇچ قۇرۇلۇش مەيدانى",
            },
            "en": {
                "title": "Welder",
                "description": (
                    "Welding steel structures, railings, doors and window frames from drawings. About 9 "
                    "hours a day, two meals provided, site dormitory available. Wages paid to your bank "
                    "card every half month."
                ),
                "requirements": (
                    "A valid welding and hot-cutting operator certificate and at least three years of "
                    "welding."
                ),
                "work_place": "Anju housing estate phase 2 site, Happiness Road, Koktal Town",
            },
        },
    },
    {
        "key": "builder_bricklayer", "employer": "builder", "sector": "construction", "openings": 6,
        "wage_min": 250, "wage_max": 300, "wage_unit": "day", "area": "KT-01-03", "housing": False,
        "meals": True, "transport": True, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "瓦工（砌墙、贴砖）",
                "description": (
                    "在英阿瓦提村农房改造项目砌墙、抹灰和贴瓷砖。每天早上从县城统一坐车去村里，工作约8小时，"
                    "管午饭。工资每半个月发放一次。"
                ),
                "requirements": "两年以上瓦工经验，能看懂简单的图纸。",
                "work_place": "阔克塔勒镇英阿瓦提村 农房改造项目",
            },
            "ug": {
                "title": "تامچى (تام قوپۇرۇش، كاھىش چاپلاش)",
                "description": (
                    "يېڭىئاۋات كەنتىدىكى دېھقانلار ئۆيلىرىنى ئوڭشاش قۇرۇلۇشىدا تام قوپۇرۇش، سۇۋاق قىلىش ۋە "
                    "كاھىش چاپلاش ئىشلىرىنى قىلىدۇ. ھەر كۈنى ئەتىگەندە ناھىيە بازىرىدىن بىرلىكتە ماشىنىدا "
                    "كەنتكە بارىمىز، كۈنىگە تەخمىنەن 8 سائەت ئىشلەيدۇ، چۈشلۈك تاماق بېرىلىدۇ. ئىش ھەققى "
                    "يېرىم ئايدا بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": (
                    "ئىككى يىلدىن ئارتۇق تامچىلىق تەجرىبىسى بولۇشى، ئاددىي سىزمىلارنى چۈشىنەلىشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى يېڭىئاۋات كەنتى، دېھقانلار ئۆيلىرىنى ئوڭشاش قۇرۇلۇشى",
            },
            "en": {
                "title": "Bricklayer and tiler",
                "description": (
                    "Building walls, plastering and laying tiles on the farmhouse renovation project in "
                    "Yengiawat Village. A vehicle leaves the county town every morning; about 8 hours a "
                    "day, lunch provided. Wages paid every half month."
                ),
                "requirements": "At least two years as a bricklayer; able to read simple drawings.",
                "work_place": "Farmhouse renovation project, Yengiawat Village, Koktal Town",
            },
        },
    },
    {
        "key": "builder_site_cook", "employer": "builder", "sector": "services", "openings": 1,
        "wage_min": 3800, "wage_max": 4500, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "工地食堂厨师",
                "description": (
                    "为工地约60名工人做一日三餐，负责食材采购记账和厨房卫生，有一名帮厨配合。住工地宿舍，"
                    "每月休息2天。"
                ),
                "requirements": "有食堂或饭馆做饭经验，持有效健康证。",
                "work_place": "阔克塔勒镇幸福路安居小区二期工地 食堂",
            },
            "ug": {
                "title": "قۇرۇلۇش مەيدانى ئاشخانىسىنىڭ ئاشپىزى",
                "description": (
                    "قۇرۇلۇش مەيدانىدىكى تەخمىنەن 60 ئىشچىغا كۈنىگە ئۈچ ۋاق تاماق ئېتىدۇ، ئوزۇقلۇق "
                    "سېتىۋېلىش ھېسابى ۋە ئاشخانا تازىلىقىغا مەسئۇل بولىدۇ، بىر ئاشخانا ياردەمچىسى "
                    "ماسلىشىدۇ. قۇرۇلۇش مەيدانىدىكى ياتاقتا تۇرىدۇ، ئايدا 2 كۈن دەم ئالىدۇ."
                ),
                "requirements": (
                    "ئاشخانا ياكى ئاشپۇزۇلدا تاماق ئەتكەن تەجرىبىسى ۋە ئىناۋەتلىك سالامەتلىك گۇۋاھنامىسى "
                    "بولۇشى كېرەك."
                ),
                "work_place": (
                    "كۆكتال بازىرى بەخت يولى، ئەنجۈ ئاھالە رايونى 2-باسقۇچ قۇرۇلۇش مەيدانى ئاشخانىسى"
                ),
            },
            "en": {
                "title": "Site canteen cook",
                "description": (
                    "Cooking three meals a day for about 60 workers on the building site, keeping the food "
                    "purchase accounts and the kitchen clean, with one kitchen helper. Lives in the site "
                    "dormitory; 2 days off a month."
                ),
                "requirements": (
                    "Experience cooking in a canteen or restaurant and a valid health certificate."
                ),
                "work_place": "Canteen, Anju housing estate phase 2 site, Happiness Road, Koktal Town",
            },
        },
    },
    {
        "key": "logistics_van_driver", "employer": "logistics", "sector": "logistics", "openings": 4,
        "wage_min": 5000, "wage_max": 6500, "wage_unit": "month", "area": "KT-01", "housing": False,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "配送司机（县乡线路）",
                "description": (
                    "驾驶厢式货车，把快递和超市货物从县城仓库送到各乡镇服务点，每天跑一条固定线路，"
                    "当天往返不过夜。公司缴纳五险，提供工作餐，车辆油费和维修由公司承担。"
                ),
                "requirements": "C1以上驾照，三年以上驾龄，无重大事故记录；熟悉本县道路者优先。",
                "work_place": "阔克塔勒县工业园区物流路3号 驼铃物流仓库",
            },
            "ug": {
                "title": "يەتكۈزۈش شوپۇرى (ناھىيە-يېزا لىنىيىسى)",
                "description": (
                    "ياپىق يۈك ماشىنىسى ھەيدەپ، تېز يەتكۈزۈش بوغچىلىرى ۋە تاللا بازار ماللىرىنى ناھىيە "
                    "بازىرىدىكى ئامباردىن ھەر قايسى يېزا-بازارلاردىكى مۇلازىمەت پونكىتلىرىغا يەتكۈزىدۇ. ھەر "
                    "كۈنى بىر مۇقىم لىنىيىدە ماڭىدۇ، شۇ كۈنى بېرىپ كېلىدۇ، سىرتتا قونمايدۇ. شىركەت بەش خىل "
                    "سۇغۇرتا تاپشۇرۇپ بېرىدۇ، ئىش تامىقى بېرىلىدۇ، ماشىنىنىڭ ماي پۇلى ۋە رېمونت خىراجىتىنى "
                    "شىركەت كۆتۈرىدۇ."
                ),
                "requirements": (
                    "C1 ياكى ئۇنىڭدىن يۇقىرى شوپۇرلۇق كىنىشكىسى، ئۈچ يىلدىن ئارتۇق ھەيدەش تەجرىبىسى بولۇشى، "
                    "ئېغىر قاتناش ھادىسىسى خاتىرىسى بولماسلىقى كېرەك؛ ناھىيىمىزنىڭ يوللىرىنى بىلىدىغانلار "
                    "ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "كۆكتال ناھىيىلىك سانائەت باغچىسى ئەشيا ئوبوروتى يولى 3-نومۇر، تۆگە قوڭغۇرىقى ئامبىرى"
                ),
            },
            "en": {
                "title": "Delivery van driver (county to townships)",
                "description": (
                    "Driving a box van that takes parcels and supermarket goods from the county warehouse "
                    "to the service points in the townships: one fixed route a day, back the same evening, "
                    "no nights away. Social insurance paid, work meals provided; fuel and repairs paid by "
                    "the company."
                ),
                "requirements": (
                    "Driving licence C1 or higher, at least three years of driving, no serious accidents; "
                    "knowing the county's roads is a plus."
                ),
                "work_place": "Camel Bell warehouse, 3 Logistics Road, Koktal Industrial Park",
            },
        },
    },
    {
        "key": "logistics_village_courier", "employer": "logistics", "sector": "logistics", "openings": 2,
        "wage_min": 1, "wage_max": 2, "wage_unit": "piece", "area": "KT-04", "housing": False,
        "meals": False, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "村级快递员（计件）",
                "description": (
                    "在阿克亚尔乡快递服务点取件，用电动三轮车把包裹送到各村，或者通知村民来取。"
                    "每送一件1至2元（按距离），公司提供电动三轮车并负责充电。时间比较自由，适合住在本乡的人。"
                ),
                "requirements": "18至55岁，会用智能手机扫码和导航；本乡居民优先。",
                "work_place": "阿克亚尔乡快递服务点（乡巴扎入口）",
            },
            "ug": {
                "title": "كەنت بوغچا يەتكۈزگۈچىسى (پارچە ھېسابىدا)",
                "description": (
                    "ئاقيار يېزىلىق تېز يەتكۈزۈش پونكىتىدىن بوغچىلارنى ئېلىپ، ئېلېكتر ئۈچ چاقلىق ماشىنىدا "
                    "كەنتلەرگە يەتكۈزىدۇ ياكى كەنت ئاھالىلىرىگە كېلىپ ئېلىپ كېتىشنى ئۇقتۇرىدۇ. ئارىلىقىغا "
                    "قاراپ ھەر بىر بوغچىغا 1–2 يۈەن بېرىلىدۇ، شىركەت ئېلېكتر ئۈچ چاقلىق ماشىنا بىلەن "
                    "تەمىنلەيدۇ ۋە توك قاچىلاشنى ئۈستىگە ئالىدۇ. ۋاقىت بىرقەدەر ئەركىن، شۇ يېزىدا "
                    "تۇرىدىغانلارغا ماس كېلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–55 ئارىلىقىدا، ئەقىللىق تېلېفوندا كود سكانېرلاش ۋە خەرىتىدىن يول تېپىشنى "
                    "بىلىشى كېرەك؛ شۇ يېزىنىڭ ئاھالىلىرى ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "ئاقيار يېزىلىق تېز يەتكۈزۈش پونكىتى (يېزىلىق بازارنىڭ كىرىش ئېغىزى)",
            },
            "en": {
                "title": "Village parcel courier (piece rate)",
                "description": (
                    "Collecting parcels at the Aqyar township parcel point and taking them to the villages "
                    "on an electric tricycle, or telling residents to come and collect. 1-2 yuan per parcel "
                    "depending on the distance; the company provides the tricycle and the charging. "
                    "Flexible hours, suits someone living in the township."
                ),
                "requirements": (
                    "Age 18-55, able to scan codes and use maps on a smartphone; township residents "
                    "preferred."
                ),
                "work_place": "Aqyar township parcel point, at the bazaar entrance",
            },
        },
    },
    {
        "key": "logistics_warehouse_sorter", "employer": "logistics", "sector": "logistics", "openings": 6,
        "wage_min": 18, "wage_max": 22, "wage_unit": "hour", "area": "KT-01", "housing": False,
        "meals": False, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "仓库分拣员（晚班小时工）",
                "description": (
                    "晚上在物流仓库卸车、扫描包裹，并按乡镇分拣装笼。每晚工作4至6小时，按小时计酬，每周结算。"
                ),
                "requirements": "18至50岁，能搬运30公斤以内的包裹。",
                "work_place": "阔克塔勒县工业园区物流路3号 驼铃物流仓库",
            },
            "ug": {
                "title": "ئامبار ئايرىغۇچى (كەچلىك، سائەتلىك)",
                "description": (
                    "كەچتە ئەشيا ئوبوروتى ئامبىرىدا ماشىنىدىن يۈك چۈشۈرۈش، بوغچىلارنى سكانېرلاش ۋە "
                    "يېزا-بازارلار بويىچە ئايرىپ قاچىلاش ئىشلىرىنى قىلىدۇ. ھەر كەچتە 4–6 سائەت ئىشلەيدۇ، "
                    "ئىش ھەققى سائەت بويىچە ھېسابلىنىپ، ھەپتىدە بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–50 ئارىلىقىدا، 30 كىلوگرامغىچە بولغان بوغچىلارنى كۆتۈرەلەيدىغان بولۇشى كېرەك."
                ),
                "work_place": (
                    "كۆكتال ناھىيىلىك سانائەت باغچىسى ئەشيا ئوبوروتى يولى 3-نومۇر، تۆگە قوڭغۇرىقى ئامبىرى"
                ),
            },
            "en": {
                "title": "Warehouse sorter (evenings, hourly)",
                "description": (
                    "In the evening at the logistics warehouse: unloading lorries, scanning parcels and "
                    "sorting them into cages by township. 4-6 hours a night, paid by the hour, settled "
                    "weekly."
                ),
                "requirements": "Age 18-50, able to lift parcels of up to 30 kg.",
                "work_place": "Camel Bell warehouse, 3 Logistics Road, Koktal Industrial Park",
            },
        },
    },
    {
        "key": "restaurant_waiter", "employer": "restaurant", "sector": "services", "openings": 3,
        "wage_min": 3000, "wage_max": 3600, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "餐厅服务员",
                "description": (
                    "负责点菜、上菜、收拾餐桌和简单的收银。早晚两班轮换，每班约8小时，每月休息4天。包吃包住。"
                ),
                "requirements": "18至40岁，热情有礼貌，会说维吾尔语和汉语。",
                "work_place": "阔克塔勒镇人民路45号 石榴花餐厅",
            },
            "ug": {
                "title": "مۇلازىمەتچى",
                "description": (
                    "تاماق بۇيرۇتۇش، تاماق توشۇش، ئۈستەل يىغىشتۇرۇش ۋە ئاددىي پۇل تاپشۇرۇۋېلىش ئىشلىرىنى "
                    "قىلىدۇ. ئەتىگەنلىك ۋە كەچلىك ئىككى نۆۋەت ئالمىشىپ ئىشلەيدۇ، ھەر نۆۋەت تەخمىنەن 8 "
                    "سائەت، ئايدا 4 كۈن دەم ئالىدۇ. تاماق ۋە ياتاق بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–40 ئارىلىقىدا، قىزغىن ۋە ئەدەپلىك، ئۇيغۇرچە ۋە خەنزۇچە سۆزلىيەلەيدىغان بولۇشى "
                    "كېرەك."
                ),
                "work_place": "كۆكتال بازىرى خەلق يولى 45-نومۇر، ئانارگۈل ئاشخانىسى",
            },
            "en": {
                "title": "Waiter / waitress",
                "description": (
                    "Taking orders, serving, clearing tables and simple cashier work. Early and late shifts "
                    "in turn, about 8 hours each, 4 days off a month. Meals and accommodation provided."
                ),
                "requirements": "Age 18-40, friendly and polite, speaks Uyghur and Chinese.",
                "work_place": "Anargul Restaurant, 45 People's Road, Koktal Town",
            },
        },
    },
    {
        "key": "restaurant_kitchen_helper", "employer": "restaurant", "sector": "services", "openings": 2,
        "wage_min": 3200, "wage_max": 3800, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "后厨帮工",
                "description": "洗菜切菜、和面、洗碗和打扫厨房，配合厨师备餐。包吃包住，每月休息4天。",
                "requirements": "身体健康，持有效健康证，或入职后一周内办好。",
                "work_place": "阔克塔勒镇人民路45号 石榴花餐厅",
            },
            "ug": {
                "title": "ئاشخانا ياردەمچىسى",
                "description": (
                    "كۆكتات يۇيۇش ۋە توغراش، خېمىر يۇغۇرۇش، قاچا يۇيۇش ۋە ئاشخانا تازىلاش، ئاشپەزلەرگە "
                    "تاماق تەييارلاشتا ياردەملىشىش ئىشلىرىنى قىلىدۇ. تاماق ۋە ياتاق بېرىلىدۇ، ئايدا 4 كۈن "
                    "دەم ئالىدۇ."
                ),
                "requirements": (
                    "سالامەتلىكى ياخشى، ئىناۋەتلىك سالامەتلىك گۇۋاھنامىسى بولۇشى ياكى ئىشقا كىرگەندىن كېيىن "
                    "بىر ھەپتە ئىچىدە بېجىرىشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى خەلق يولى 45-نومۇر، ئانارگۈل ئاشخانىسى",
            },
            "en": {
                "title": "Kitchen helper",
                "description": (
                    "Washing and cutting vegetables, kneading dough, washing up and cleaning the kitchen, "
                    "helping the cooks prepare. Meals and accommodation provided, 4 days off a month."
                ),
                "requirements": (
                    "In good health, with a valid health certificate or able to get one in your first week."
                ),
                "work_place": "Anargul Restaurant, 45 People's Road, Koktal Town",
            },
        },
    },
    {
        "key": "restaurant_laghman_cook", "employer": "restaurant", "sector": "services", "openings": 1,
        "wage_min": 5000, "wage_max": 6500, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "拉条子师傅",
                "description": (
                    "负责拉条子和各种拌面菜的制作，中午和晚上最忙，每天工作约9小时。包吃包住，每月休息4天，"
                    "节假日上班另有补贴。"
                ),
                "requirements": "三年以上拉条子制作经验，手艺好、出菜快。",
                "work_place": "阔克塔勒镇人民路45号 石榴花餐厅",
            },
            "ug": {
                "title": "لەڭمەن ئۇستىسى",
                "description": (
                    "لەڭمەن تارتىش ۋە ھەر خىل لەڭمەن سەيلىرىنى ئېتىشقا مەسئۇل بولىدۇ، چۈش ۋە كەچتە ئەڭ "
                    "ئالدىراش بولىدۇ، كۈنىگە تەخمىنەن 9 سائەت ئىشلەيدۇ. تاماق ۋە ياتاق بېرىلىدۇ، ئايدا 4 "
                    "كۈن دەم ئالىدۇ، بايرام كۈنلىرى ئىشلىسە قوشۇمچە ھەق بېرىلىدۇ."
                ),
                "requirements": (
                    "لەڭمەن ئېتىشتە ئۈچ يىلدىن ئارتۇق تەجرىبىسى بولۇشى، قولى ئىلدام، تاماقنى تېز "
                    "چىقىرالايدىغان بولۇشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى خەلق يولى 45-نومۇر، ئانارگۈل ئاشخانىسى",
            },
            "en": {
                "title": "Laghman noodle cook",
                "description": (
                    "Pulling laghman noodles and cooking the toppings; busiest at lunch and dinner, about 9 "
                    "hours a day. Meals and accommodation provided, 4 days off a month, extra pay for "
                    "working on holidays."
                ),
                "requirements": "At least three years making laghman; skilled and fast.",
                "work_place": "Anargul Restaurant, 45 People's Road, Koktal Town",
            },
        },
    },
    {
        "key": "hotel_housekeeper", "employer": "hotel", "sector": "services", "openings": 4,
        "wage_min": 3000, "wage_max": 3500, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "客房服务员",
                "description": (
                    "负责客房打扫、更换床单被套、补充用品和检查设施，每人每天约整理14间房。白班，每天8小时，"
                    "每月休息4天。提供员工宿舍和工作餐。"
                ),
                "requirements": "18至50岁，干净利落，认真负责；没有经验可以培训。",
                "work_place": "阔克塔勒镇团结路26号 绿荫宾馆",
            },
            "ug": {
                "title": "مېھمانخانا ياتاق تازىلىغۇچىسى",
                "description": (
                    "ياتاقلارنى تازىلاش، كارىۋات يوپۇقى ۋە يوتقان قېپىنى ئالماشتۇرۇش، لازىمەتلىكلەرنى "
                    "تولۇقلاش ۋە ئەسلىھەلەرنى تەكشۈرۈش ئىشلىرىنى قىلىدۇ، ھەر بىر ئادەم كۈنىگە تەخمىنەن 14 "
                    "ياتاقنى رەتلەيدۇ. كۈندۈزلۈك نۆۋەت، كۈنىگە 8 سائەت، ئايدا 4 كۈن دەم ئالىدۇ. خىزمەتچىلەر "
                    "ياتىقى ۋە ئىش تامىقى بىلەن تەمىنلىنىدۇ."
                ),
                "requirements": (
                    "يېشى 18–50 ئارىلىقىدا، پاكىز ۋە چاققان، ئىشقا ئەستايىدىل بولۇشى كېرەك؛ تەجرىبىسى "
                    "يوقلار تەربىيىلىنىدۇ."
                ),
                "work_place": "كۆكتال بازىرى ئىتتىپاق يولى 26-نومۇر، سايىۋەن مېھمانخانىسى",
            },
            "en": {
                "title": "Room attendant",
                "description": (
                    "Cleaning guest rooms, changing bed linen, restocking supplies and checking the "
                    "fittings; about 14 rooms per person a day. Day shift, 8 hours, 4 days off a month. "
                    "Staff dormitory and work meals provided."
                ),
                "requirements": (
                    "Age 18-50, tidy, quick and conscientious; training given if you have no experience."
                ),
                "work_place": "Green Shade Hotel, 26 Unity Road, Koktal Town",
            },
        },
    },
    {
        "key": "hotel_receptionist", "employer": "hotel", "sector": "services", "openings": 2,
        "wage_min": 3200, "wage_max": 3800, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "前台接待",
                "description": (
                    "为客人办理入住和退房、接听电话、登记预订、解答客人的问题。早、中、晚三班轮换，"
                    "每班8小时。提供宿舍和工作餐，缴纳五险。"
                ),
                "requirements": "中专以上学历，会用电脑，汉语和维吾尔语流利；欢迎应届毕业生。",
                "work_place": "阔克塔勒镇团结路26号 绿荫宾馆",
            },
            "ug": {
                "title": "ئالدى سۇپا كۈتۈۋالغۇچىسى",
                "description": (
                    "مېھمانلارنىڭ چۈشۈش ۋە ئايرىلىش رەسمىيىتىنى بېجىرىش، تېلېفونغا جاۋاب بېرىش، ئالدىن "
                    "زاكاز قىلىنغان ياتاقلارنى تىزىملاش ۋە مېھمانلارنىڭ سوئاللىرىغا جاۋاب بېرىش ئىشلىرىنى "
                    "قىلىدۇ. ئەتىگەنلىك، چۈشلۈك ۋە كېچىلىك ئۈچ نۆۋەت ئالمىشىپ ئىشلەيدۇ، ھەر نۆۋەت 8 سائەت. "
                    "ياتاق ۋە ئىش تامىقى بىلەن تەمىنلىنىدۇ، بەش خىل سۇغۇرتا تاپشۇرۇپ بېرىلىدۇ."
                ),
                "requirements": (
                    "ئوتتۇرا تېخنىكومدىن يۇقىرى مەلۇماتى بولۇشى، كومپيۇتېر ئىشلىتەلىشى، خەنزۇچە ۋە "
                    "ئۇيغۇرچىنى راۋان سۆزلىيەلىشى كېرەك؛ يېڭى ئوقۇش پۈتتۈرگەنلەرنى قارشى ئالىمىز."
                ),
                "work_place": "كۆكتال بازىرى ئىتتىپاق يولى 26-نومۇر، سايىۋەن مېھمانخانىسى",
            },
            "en": {
                "title": "Receptionist",
                "description": (
                    "Checking guests in and out, answering the phone, taking bookings and answering guests' "
                    "questions. Morning, afternoon and night shifts in turn, 8 hours each. Dormitory and "
                    "work meals provided; social insurance paid."
                ),
                "requirements": (
                    "Technical secondary school or higher, computer skills, fluent Chinese and Uyghur; new "
                    "graduates welcome."
                ),
                "work_place": "Green Shade Hotel, 26 Unity Road, Koktal Town",
            },
        },
    },
    {
        "key": "hotel_laundry_worker", "employer": "hotel", "sector": "services", "openings": 2,
        "wage_min": 18, "wage_max": 20, "wage_unit": "hour", "area": "KT-01", "housing": False,
        "meals": False, "transport": False, "valid_days": 30, "status": "draft",
        "texts": {
            "zh": {
                "title": "洗衣房小时工",
                "description": (
                    "在宾馆洗衣房操作洗衣机和烘干机，熨烫、折叠床单和毛巾。每天下午工作4小时，按小时计酬，"
                    "每月结算。"
                ),
                "requirements": "18至55岁，身体健康，做事仔细。",
                "work_place": "阔克塔勒镇团结路26号 绿荫宾馆 洗衣房",
            },
            "ug": {
                "title": "كىر يۇيۇش ئۆيى ئىشچىسى (سائەتلىك)",
                "description": (
                    "مېھمانخانىنىڭ كىر يۇيۇش ئۆيىدە كىر يۇيۇش ماشىنىسى ۋە قۇرۇتۇش ماشىنىسىنى ئىشلىتىپ، "
                    "كارىۋات يوپۇقى ۋە لۆڭگىلەرنى دەزماللاپ قاتلايدۇ. ھەر كۈنى چۈشتىن كېيىن 4 سائەت "
                    "ئىشلەيدۇ، ئىش ھەققى سائەت بويىچە ھېسابلىنىپ، ئايدا بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–55 ئارىلىقىدا، سالامەتلىكى ياخشى، ئىشنى ئىنچىكە قىلىدىغان بولۇشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى ئىتتىپاق يولى 26-نومۇر، سايىۋەن مېھمانخانىسى، كىر يۇيۇش ئۆيى",
            },
            "en": {
                "title": "Laundry worker (hourly)",
                "description": (
                    "Running the washing machines and dryers in the hotel laundry, ironing and folding "
                    "sheets and towels. 4 hours every afternoon, paid by the hour, settled monthly."
                ),
                "requirements": "Age 18-55, healthy and careful.",
                "work_place": "Laundry, Green Shade Hotel, 26 Unity Road, Koktal Town",
            },
        },
    },
    {
        "key": "supermarket_cashier", "employer": "supermarket", "sector": "retail", "openings": 2,
        "wage_min": 3000, "wage_max": 3500, "wage_unit": "month", "area": "KT-01", "housing": False,
        "meals": True, "transport": False, "valid_days": 20, "status": "closed",
        "texts": {
            "zh": {
                "title": "收银员",
                "description": (
                    "负责收银、扫码收款、打印小票和整理收银台。两班轮换，每月休息4天，提供工作餐。"
                ),
                "requirements": "18至40岁，会用智能手机和简单的电脑操作，能用汉语和维吾尔语接待顾客。",
                "work_place": "阔克塔勒镇文化路12号 邻里家超市",
            },
            "ug": {
                "title": "كاسسىر",
                "description": (
                    "پۇل تاپشۇرۇۋېلىش، كود سكانېرلاپ پۇل ئېلىش، تالون بېسىش ۋە كاسسا ئۈستىلىنى رەتلەش "
                    "ئىشلىرىنى قىلىدۇ. ئىككى نۆۋەت ئالمىشىپ ئىشلەيدۇ، ئايدا 4 كۈن دەم ئالىدۇ، ئىش تامىقى "
                    "بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–40 ئارىلىقىدا، ئەقىللىق تېلېفون ۋە كومپيۇتېرنى ئاددىي ئىشلىتەلەيدىغان، "
                    "خېرىدارلارنى خەنزۇچە ۋە ئۇيغۇرچە كۈتۈۋالالايدىغان بولۇشى كېرەك."
                ),
                "work_place": "كۆكتال بازىرى مەدەنىيەت يولى 12-نومۇر، قوشنا تاللا بازىرى",
            },
            "en": {
                "title": "Cashier",
                "description": (
                    "Taking payments, scanning payment codes, printing receipts and keeping the checkout "
                    "tidy. Two shifts in turn, 4 days off a month, work meals provided."
                ),
                "requirements": (
                    "Age 18-40, able to use a smartphone and a computer at a basic level, serves customers "
                    "in Chinese and Uyghur."
                ),
                "work_place": "Neighbours Supermarket, 12 Culture Road, Koktal Town",
            },
        },
    },
    {
        "key": "supermarket_shelf_stocker", "employer": "supermarket", "sector": "retail", "openings": 3,
        "wage_min": 18, "wage_max": 20, "wage_unit": "hour", "area": "KT-03", "housing": False,
        "meals": False, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "理货员（小时工）",
                "description": (
                    "在英艾日克镇分店卸货、上架、整理货架和检查保质期。每天傍晚工作3至4小时，"
                    "适合放假的学生或有其他工作的人。按小时计酬，每周结算。"
                ),
                "requirements": "18岁以上，认真细心。",
                "work_place": "英艾日克镇巴扎路 邻里家超市英艾日克分店",
            },
            "ug": {
                "title": "تاۋار تىزغۇچى (سائەتلىك)",
                "description": (
                    "يېڭىئېرىق بازىرىدىكى شۆبە دۇكاندا ماللارنى چۈشۈرۈش، جازىلارغا تىزىش، جازىلارنى رەتلەش "
                    "ۋە ساقلاش مۇددىتىنى تەكشۈرۈش ئىشلىرىنى قىلىدۇ. ھەر كۈنى كەچقۇرۇن 3–4 سائەت ئىشلەيدۇ، "
                    "تەتىلدىكى ئوقۇغۇچىلار ياكى باشقا خىزمىتى بارلارغا ماس كېلىدۇ. ئىش ھەققى سائەت بويىچە "
                    "ھېسابلىنىپ، ھەپتىدە بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": "18 ياشتىن يۇقىرى، ئەستايىدىل ۋە ئىنچىكە بولۇشى كېرەك.",
                "work_place": "يېڭىئېرىق بازىرى بازار كوچىسى، قوشنا تاللا بازىرىنىڭ يېڭىئېرىق شۆبىسى",
            },
            "en": {
                "title": "Shelf stocker (hourly)",
                "description": (
                    "At the Yengieriq branch: unloading deliveries, filling and tidying shelves and "
                    "checking best-before dates. 3-4 hours every evening; suits students on holiday or "
                    "people with another job. Paid by the hour, settled weekly."
                ),
                "requirements": "Age 18 or over, careful and thorough.",
                "work_place": "Neighbours Supermarket Yengieriq branch, Bazaar Street, Yengieriq Town",
            },
        },
    },
    {
        "key": "ecommerce_live_assistant", "employer": "ecommerce_centre", "sector": "retail",
        "openings": 4, "wage_min": 3500, "wage_max": 5000, "wage_unit": "month", "area": "KT-01",
        "housing": False, "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "直播带货助理",
                "description": (
                    "协助主播在网上直播销售本县的红枣、杏干和手工艺品：摆放商品、回复评论、记录订单、"
                    "剪辑短视频。每天下午和晚上上班约7小时，底薪加销售提成。中心免费提供手机直播培训。"
                ),
                "requirements": "18至35岁，会说维吾尔语和汉语，喜欢拍短视频；有直播或销售经验者优先。",
                "work_place": "阔克塔勒镇文化路3号 农村电商服务中心二楼",
            },
            "ug": {
                "title": "تور جانلىق سېتىش ياردەمچىسى",
                "description": (
                    "رىياسەتچىگە ناھىيىمىزنىڭ قىزىل چىلان، ئۆرۈك قېقى ۋە قول ھۈنەرۋەنچىلىك بۇيۇملىرىنى "
                    "توردا جانلىق سېتىشقا ياردەملىشىدۇ: ماللارنى تىزىش، ئىنكاسلارغا جاۋاب قايتۇرۇش، "
                    "زاكازلارنى خاتىرىلەش ۋە قىسقا سىنلارنى كېسىپ تەھرىرلەش. ھەر كۈنى چۈشتىن كېيىن ۋە كەچتە "
                    "تەخمىنەن 7 سائەت ئىشلەيدۇ، ئاساسىي مائاشتىن باشقا سېتىش مىقدارىغا قاراپ مۇكاپات "
                    "بېرىلىدۇ. مەركەز تېلېفوندا جانلىق سېتىش تەربىيىسىنى ھەقسىز ئۆتكۈزىدۇ."
                ),
                "requirements": (
                    "يېشى 18–35 ئارىلىقىدا، ئۇيغۇرچە ۋە خەنزۇچە سۆزلىيەلەيدىغان، قىسقا سىن ئىشلەشكە "
                    "قىزىقىدىغان بولۇشى كېرەك؛ جانلىق سېتىش ياكى سېتىش تەجرىبىسى بارلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "كۆكتال بازىرى مەدەنىيەت يولى 3-نومۇر، يېزا ئېلېكترونلۇق سودا مۇلازىمەت مەركىزى 2-قەۋەت"
                ),
            },
            "en": {
                "title": "Live-selling assistant",
                "description": (
                    "Helping the host sell the county's red jujubes, dried apricots and handicrafts in "
                    "online live streams: setting out products, answering comments, recording orders and "
                    "editing short videos. About 7 hours a day, afternoons and evenings; base pay plus "
                    "commission on sales. The centre gives free training in live selling on a phone."
                ),
                "requirements": (
                    "Age 18-35, speaks Uyghur and Chinese, enjoys making short videos; live-streaming or "
                    "sales experience is a plus."
                ),
                "work_place": "Rural E-commerce Service Centre, 2nd floor, 3 Culture Road, Koktal Town",
            },
        },
    },
    {
        "key": "ecommerce_order_packer", "employer": "ecommerce_centre", "sector": "retail", "openings": 4,
        "wage_min": 18, "wage_max": 22, "wage_unit": "hour", "area": "KT-01", "housing": False,
        "meals": False, "transport": False, "valid_days": 30, "status": "published",
        "texts": {
            "zh": {
                "title": "网店打包员（小时工）",
                "description": (
                    "根据网店订单拣货、称重、打包并贴快递单。每天下午到傍晚工作约5小时，"
                    "订单多的时候可以多干。按小时计酬，每周结算。"
                ),
                "requirements": "18至55岁，能看懂订单（汉文或维吾尔文都可以）；扫码枪可以现场学。",
                "work_place": "阔克塔勒镇文化路3号 农村电商服务中心一楼仓库",
            },
            "ug": {
                "title": "تور دۇكان بوغچا ئورىغۇچىسى (سائەتلىك)",
                "description": (
                    "تور دۇكان زاكازلىرى بويىچە مال تېپىش، تارتىش، ئوراش ۋە يەتكۈزۈش تالونى چاپلاش "
                    "ئىشلىرىنى قىلىدۇ. ھەر كۈنى چۈشتىن كېيىندىن كەچقۇرۇنغىچە تەخمىنەن 5 سائەت ئىشلەيدۇ، "
                    "زاكاز كۆپ بولغاندا كۆپرەك ئىشلىسە بولىدۇ. ئىش ھەققى سائەت بويىچە ھېسابلىنىپ، ھەپتىدە "
                    "بىر قېتىم بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 18–55 ئارىلىقىدا، زاكازلارنى ئوقۇيالايدىغان (خەنزۇچە ياكى ئۇيغۇرچە بولسىمۇ "
                    "بولىدۇ) بولۇشى كېرەك؛ سكانېرلاش ئەسۋابىنى ئىشلىتىشنى نەق مەيداندا ئۆگىنىسىز."
                ),
                "work_place": (
                    "كۆكتال بازىرى مەدەنىيەت يولى 3-نومۇر، يېزا ئېلېكترونلۇق سودا مۇلازىمەت مەركىزى 1-قەۋەت "
                    "ئامبار"
                ),
            },
            "en": {
                "title": "Online shop packer (hourly)",
                "description": (
                    "Picking, weighing and packing online orders and putting on the shipping labels. About "
                    "5 hours a day from afternoon to early evening, more when there are many orders. Paid "
                    "by the hour, settled weekly."
                ),
                "requirements": (
                    "Age 18-55, able to read the orders (Chinese or Uyghur is fine); you learn the barcode "
                    "scanner on site."
                ),
                "work_place": (
                    "Ground-floor store room, Rural E-commerce Service Centre, 3 Culture Road, Koktal Town"
                ),
            },
        },
    },
    {
        "key": "care_centre_aide", "employer": "care_centre", "sector": "health", "openings": 6,
        "wage_min": 3800, "wage_max": 4800, "wage_unit": "month", "area": "KT-01", "housing": True,
        "meals": True, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "养老护理员",
                "description": (
                    "照顾中心里老人的日常起居：协助吃饭、洗漱、翻身和散步，记录身体情况，陪老人聊天。"
                    "三班轮换，每月休息6天。提供宿舍和一日三餐，入职后参加免费的养老护理员培训并考证。"
                ),
                "requirements": "20至50岁，有爱心和耐心，身体健康；会说维吾尔语和汉语者优先。",
                "work_place": "阔克塔勒镇园林路9号 颐康养老服务中心",
            },
            "ug": {
                "title": "ياشانغانلارنى كۈتۈش خادىمى",
                "description": (
                    "مەركەزدىكى ياشانغانلارنىڭ كۈندىلىك تۇرمۇشىغا قارايدۇ: تاماق يېيىش، يۇيۇنۇش، ئورنىدا "
                    "ئۆرۈلۈش ۋە سەيلە قىلىشىغا ياردەملىشىدۇ، سالامەتلىك ئەھۋالىنى خاتىرىلەيدۇ، ياشانغانلار "
                    "بىلەن پاراڭلىشىدۇ. ئۈچ نۆۋەت ئالمىشىپ ئىشلەيدۇ، ئايدا 6 كۈن دەم ئالىدۇ. ياتاق ۋە ئۈچ "
                    "ۋاق تاماق بىلەن تەمىنلىنىدۇ، ئىشقا كىرگەندىن كېيىن ھەقسىز ياشانغانلارنى كۈتۈش "
                    "تەربىيىسىگە قاتنىشىپ گۇۋاھنامە ئالالايدۇ."
                ),
                "requirements": (
                    "يېشى 20–50 ئارىلىقىدا، مېھرىبان ۋە سەۋرچان، سالامەتلىكى ياخشى بولۇشى كېرەك؛ ئۇيغۇرچە "
                    "ۋە خەنزۇچە سۆزلىيەلەيدىغانلار ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "كۆكتال بازىرى باغ يولى 9-نومۇر، ئامان-ئېسەن ياشانغانلار كۈتۈش مەركىزى",
            },
            "en": {
                "title": "Elderly care aide",
                "description": (
                    "Looking after the residents of the care centre: helping them eat, wash, turn in bed "
                    "and go for walks, noting how they are, and keeping them company. Three shifts in turn, "
                    "6 days off a month. Dormitory and three meals a day provided; after joining you take "
                    "the free care aide course and its certificate exam."
                ),
                "requirements": (
                    "Age 20-50, kind, patient and healthy; speaking Uyghur and Chinese is a plus."
                ),
                "work_place": "Well-Being Elderly Care Centre, 9 Garden Road, Koktal Town",
            },
        },
    },
    {
        "key": "care_centre_home_aide", "employer": "care_centre", "sector": "health", "openings": 4,
        "wage_min": 25, "wage_max": 30, "wage_unit": "hour", "area": "KT-02", "housing": False,
        "meals": False, "transport": True, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "居家养老上门服务员（小时工）",
                "description": (
                    "到阿纳尔巴格乡各村独居老人家里上门服务：打扫卫生、做饭、陪同看病、量血压。"
                    "按服务小时计酬，每周约20到30小时，时间可以商量。中心提供电动车。"
                ),
                "requirements": "25至55岁，持养老护理员证，或参加中心培训后上岗；本乡居民优先。",
                "work_place": "阿纳尔巴格乡各村（集合点：乡老年活动中心）",
            },
            "ug": {
                "title": "ئۆيگە بېرىپ ياشانغانلارنى كۈتۈش خادىمى (سائەتلىك)",
                "description": (
                    "ئانارباغ يېزىسىدىكى كەنتلەردە يالغۇز ياشايدىغان ياشانغانلارنىڭ ئۆيىگە بېرىپ مۇلازىمەت "
                    "قىلىدۇ: ئۆي تازىلاش، تاماق ئېتىش، دوختۇرخانىغا ھەمراھ بولۇپ بېرىش ۋە قان بېسىمىنى "
                    "ئۆلچەش. ئىش ھەققى مۇلازىمەت سائىتى بويىچە ھېسابلىنىدۇ، ھەپتىدە تەخمىنەن 20–30 سائەت، "
                    "ۋاقىتنى كېلىشىپ بېكىتسە بولىدۇ. مەركەز ئېلېكتر ۋېلىسىپىت بىلەن تەمىنلەيدۇ."
                ),
                "requirements": (
                    "يېشى 25–55 ئارىلىقىدا، ياشانغانلارنى كۈتۈش گۇۋاھنامىسى بولۇشى ياكى مەركەزنىڭ "
                    "تەربىيىسىدىن ئۆتكەندىن كېيىن ئىشقا چۈشۈشى كېرەك؛ شۇ يېزىنىڭ ئاھالىلىرى ئالدىن "
                    "ئويلىشىلىدۇ."
                ),
                "work_place": (
                    "ئانارباغ يېزىسىنىڭ كەنتلىرى (يىغىلىش ئورنى: يېزىلىق ياشانغانلار پائالىيەت مەركىزى)"
                ),
            },
            "en": {
                "title": "Home care aide (hourly)",
                "description": (
                    "Visiting older people who live alone in the villages of Anarbagh Township: cleaning, "
                    "cooking, going with them to the doctor and taking their blood pressure. Paid per hour "
                    "of service, about 20-30 hours a week, times by arrangement. The centre provides an "
                    "electric bike."
                ),
                "requirements": (
                    "Age 25-55, with a care aide certificate or after the centre's course; township "
                    "residents preferred."
                ),
                "work_place": (
                    "Villages of Anarbagh Township (meeting point: township seniors' activity centre)"
                ),
            },
        },
    },
    {
        "key": "kindergarten_assistant", "employer": "kindergarten", "sector": "education", "openings": 3,
        "wage_min": 3000, "wage_max": 3800, "wage_unit": "month", "area": "KT-03", "housing": False,
        "meals": True, "transport": False, "valid_days": 45, "status": "published",
        "texts": {
            "zh": {
                "title": "幼儿园保育员",
                "description": (
                    "配合老师照顾小班孩子吃饭、午睡、洗手和上厕所，打扫教室并消毒。周一至周五，每天约8小时，"
                    "寒暑假带薪休息。园里管午饭。"
                ),
                "requirements": "20至45岁，喜欢孩子，持健康证；有保育员证或学前教育专业毕业者优先。",
                "work_place": "英艾日克镇学校路5号 镇中心幼儿园",
            },
            "ug": {
                "title": "بالىلار باغچىسى ياردەمچى تەربىيىچىسى",
                "description": (
                    "ئوقۇتقۇچىلارغا ماسلىشىپ كىچىك سىنىپتىكى بالىلارنىڭ تاماق يېيىشى، چۈشلۈك ئۇخلىشى، قول "
                    "يۇيۇشى ۋە ھاجەتخانىغا بېرىشىغا قارايدۇ، سىنىپلارنى تازىلاپ دېزىنفېكسىيە قىلىدۇ. "
                    "دۈشەنبىدىن جۈمەگىچە، كۈنىگە تەخمىنەن 8 سائەت ئىشلەيدۇ، قىشلىق ۋە يازلىق تەتىلدە ئىش "
                    "ھەققى بېرىلىپ دەم ئالىدۇ. چۈشلۈك تاماق بېرىلىدۇ."
                ),
                "requirements": (
                    "يېشى 20–45 ئارىلىقىدا، بالىلارنى ياخشى كۆرىدىغان، سالامەتلىك گۇۋاھنامىسى بار بولۇشى "
                    "كېرەك؛ ياردەمچى تەربىيىچىلىك گۇۋاھنامىسى بارلار ياكى مەكتەپ ئالدى مائارىپى كەسپىنى "
                    "پۈتتۈرگەنلەر ئالدىن ئويلىشىلىدۇ."
                ),
                "work_place": "يېڭىئېرىق بازىرى مەكتەپ يولى 5-نومۇر، بازارلىق مەركىزىي بالىلار باغچىسى",
            },
            "en": {
                "title": "Kindergarten assistant",
                "description": (
                    "Helping the teachers look after the youngest class at meals, nap time, hand washing "
                    "and toilet visits, and cleaning and disinfecting the classrooms. Monday to Friday, "
                    "about 8 hours a day, paid leave in the winter and summer holidays. Lunch provided."
                ),
                "requirements": (
                    "Age 20-45, likes children, has a health certificate; a childcare certificate or a "
                    "preschool education diploma is a plus."
                ),
                "work_place": "Town Central Kindergarten, 5 School Road, Yengieriq Town",
            },
        },
    },
    {
        "key": "school_teacher_aide", "employer": "township_school", "sector": "education", "openings": 2,
        "wage_min": 3500, "wage_max": 4200, "wage_unit": "month", "area": "KT-04", "housing": True,
        "meals": True, "transport": False, "valid_days": 60, "status": "published",
        "texts": {
            "zh": {
                "title": "课后辅导助教",
                "description": (
                    "协助老师批改作业，组织课后辅导和兴趣小组（阅读、绘画、体育），"
                    "并负责课间和放学时学生的安全。周一至周五上班，提供教师宿舍和食堂三餐。"
                ),
                "requirements": "大专以上学历，师范类专业优先；欢迎应届毕业生，汉语和维吾尔语都能讲。",
                "work_place": "阿克亚尔乡中心小学（乡政府西侧）",
            },
            "ug": {
                "title": "دەرستىن سىرتقى ياردەمچى ئوقۇتقۇچى",
                "description": (
                    "ئوقۇتقۇچىلارغا تاپشۇرۇق تەكشۈرۈش، دەرستىن كېيىنكى قوشۇمچە دەرس ۋە قىزىقىش "
                    "گۇرۇپپىلىرىنى (كىتاب ئوقۇش، رەسىم سىزىش، تەنتەربىيە) ئۇيۇشتۇرۇشتا ياردەملىشىدۇ، دەرس "
                    "ئارىلىقى ۋە مەكتەپتىن قايتىش ۋاقتىدا ئوقۇغۇچىلارنىڭ بىخەتەرلىكىگە قارايدۇ. دۈشەنبىدىن "
                    "جۈمەگىچە ئىشلەيدۇ، ئوقۇتقۇچىلار ياتىقى ۋە ئاشخانىدا ئۈچ ۋاق تاماق بىلەن تەمىنلىنىدۇ."
                ),
                "requirements": (
                    "ئالىي تېخنىكومدىن يۇقىرى مەلۇماتى بولۇشى كېرەك، پېداگوگىكا كەسپىنى پۈتتۈرگەنلەر ئالدىن "
                    "ئويلىشىلىدۇ؛ يېڭى ئوقۇش پۈتتۈرگەنلەرنى قارشى ئالىمىز، خەنزۇچە ۋە ئۇيغۇرچە "
                    "سۆزلىيەلەيدىغان بولۇشى كېرەك."
                ),
                "work_place": "ئاقيار يېزىلىق مەركىزىي باشلانغۇچ مەكتەپ (يېزىلىق ھۆكۈمەتنىڭ غەرب تەرىپىدە)",
            },
            "en": {
                "title": "After-school teaching assistant",
                "description": (
                    "Helping the teachers mark homework, run after-school study and activity groups "
                    "(reading, drawing, sport), and keeping pupils safe at break and home time. Monday to "
                    "Friday; teachers' dormitory and three canteen meals a day provided."
                ),
                "requirements": (
                    "A college diploma or higher, teacher training preferred; new graduates welcome. Must "
                    "speak Chinese and Uyghur."
                ),
                "work_place": "Aqyar Township Central Primary School, west of the township government",
            },
        },
    },
]


# Training courses and policies shown next to the postings.
NOTICES = [
    {
        "key": "electrician_course", "kind": "training", "valid_days": 60,
        "texts": {
            "zh": {
                "title": "免费低压电工培训班（可考证）",
                "body": (
                    "县就业服务中心在县职业技术学校开办20天的低压电工培训班，报满30人即开班，"
                    "结业后参加特种作业操作证考试。18至50岁、初中以上文化的本县居民都可以报名。"
                    "学费和考试费全免，培训期间每天发50元生活补贴。可以在流动服务站登记，"
                    "也可以到县就业服务中心报名。"
                ),
            },
            "ug": {
                "title": "ھەقسىز تۆۋەن بېسىملىق توكچىلىق كۇرسى (گۇۋاھنامە ئالغىلى بولىدۇ)",
                "body": (
                    "ناھىيىلىك ئىشقا ئورۇنلىشىش مۇلازىمەت مەركىزى ناھىيىلىك كەسپىي تېخنىكا مەكتىپىدە 20 "
                    "كۈنلۈك تۆۋەن بېسىملىق توكچىلىق كۇرسى ئاچىدۇ، 30 ئادەم توشسىلا دەرس باشلىنىدۇ، كۇرس "
                    "ئاخىرىدا ئالاھىدە مەشغۇلات گۇۋاھنامىسى ئىمتىھانىغا قاتنىشىسىز. يېشى 18–50 "
                    "ئارىلىقىدىكى، تولۇقسىز ئوتتۇرا ياكى ئۇنىڭدىن يۇقىرى مەلۇماتى بار ناھىيىمىز ئاھالىلىرى "
                    "تىزىملاتسا بولىدۇ. ئوقۇش ھەققى ۋە ئىمتىھان ھەققى تولۇق كەچۈرۈم قىلىنىدۇ، تەربىيە "
                    "جەريانىدا كۈنىگە 50 يۈەن تۇرمۇش تولۇقلىمىسى بېرىلىدۇ. سەييار مۇلازىمەت پونكىتىدا ياكى "
                    "ناھىيىلىك ئىشقا ئورۇنلىشىش مۇلازىمەت مەركىزىدە تىزىملاتسىڭىز بولىدۇ."
                ),
            },
            "en": {
                "title": "Free low-voltage electrician course (with certificate exam)",
                "body": (
                    "The county employment service centre runs a 20-day low-voltage electrician course at "
                    "the county vocational school; it starts as soon as 30 people have signed up and ends "
                    "with the exam for the electrician's operating certificate. County residents aged 18-50 "
                    "with at least junior secondary school may join. Tuition and exam fees are free, and "
                    "you receive 50 yuan a day towards living costs during the course. Sign up at the "
                    "caravan stall or at the county employment service centre."
                ),
            },
        },
    },
    {
        "key": "sewing_course", "kind": "training", "valid_days": 45,
        "texts": {
            "zh": {
                "title": "缝纫技能培训（15天，免费）",
                "body": (
                    "博斯坦村服装加工车间和县就业服务中心联合开办15天的缝纫技能培训，教缝纫机操作、"
                    "简单裁剪和质量要求。18至55岁的本县居民都可以参加，不收任何费用，培训期间管午饭。"
                    "结业后愿意的可以直接在车间上班，不愿意的也没有任何约束。"
                ),
            },
            "ug": {
                "title": "تىكىش ھۈنىرى كۇرسى (15 كۈن، ھەقسىز)",
                "body": (
                    "بوستان كەنتى كىيىم-كېچەك تىكىش سېخى ناھىيىلىك ئىشقا ئورۇنلىشىش مۇلازىمەت مەركىزى بىلەن "
                    "بىرلىكتە 15 كۈنلۈك تىكىش ھۈنىرى كۇرسى ئاچىدۇ: تىكىش ماشىنىسى ئىشلىتىش، ئاددىي پىچىش ۋە "
                    "سۈپەت تەلەپلىرى ئۆگىتىلىدۇ. يېشى 18–55 ئارىلىقىدىكى ناھىيىمىز ئاھالىلىرى قاتناشسا "
                    "بولىدۇ، ھېچقانداق ھەق ئېلىنمايدۇ، تەربىيە جەريانىدا چۈشلۈك تاماق بېرىلىدۇ. كۇرستىن "
                    "كېيىن خالىغانلار سېختا بىۋاسىتە ئىشلىسە بولىدۇ، خالىمىغانلارغا ھېچقانداق مەجبۇرىيەت "
                    "يوق."
                ),
            },
            "en": {
                "title": "Sewing skills course (15 days, free)",
                "body": (
                    "The Bostan Village garment workshop and the county employment service centre run a "
                    "15-day sewing course: using the sewing machine, simple cutting and quality standards. "
                    "County residents aged 18-55 may join; there is no charge and lunch is provided. "
                    "Afterwards you may start work in the workshop if you wish, but there is no obligation "
                    "of any kind."
                ),
            },
        },
    },
    {
        "key": "elderly_care_course", "kind": "training", "valid_days": 75,
        "texts": {
            "zh": {
                "title": "养老护理员培训（可考职业技能等级证书）",
                "body": (
                    "县颐康养老服务中心每月开办一期10天的养老护理员培训，内容包括老人日常照料、"
                    "安全防护和简单急救。20至55岁、身体健康的本县居民可以报名，培训免费，"
                    "考核合格发给职业技能等级证书。学员应聘县内养老机构和居家养老服务岗位时优先录用。"
                ),
            },
            "ug": {
                "title": (
                    "ياشانغانلارنى كۈتۈش خادىملىرى كۇرسى (كەسپىي ماھارەت دەرىجە گۇۋاھنامىسى ئالغىلى بولىدۇ)"
                ),
                "body": (
                    "ناھىيىلىك ئامان-ئېسەن ياشانغانلار كۈتۈش مەركىزى ھەر ئايدا بىر قېتىم 10 كۈنلۈك كۇرس "
                    "ئاچىدۇ، مەزمۇنى ياشانغانلارنىڭ كۈندىلىك تۇرمۇشىغا قاراش، بىخەتەرلىكىنى ساقلاش ۋە "
                    "ئاددىي جىددىي قۇتقۇزۇش. يېشى 20–55 ئارىلىقىدىكى، سالامەتلىكى ياخشى ناھىيىمىز "
                    "ئاھالىلىرى تىزىملاتسا بولىدۇ، كۇرس ھەقسىز، ئىمتىھاندىن ئۆتكەنلەرگە كەسپىي ماھارەت "
                    "دەرىجە گۇۋاھنامىسى بېرىلىدۇ. كۇرسقا قاتناشقانلار ناھىيىمىزدىكى ياشانغانلار كۈتۈش "
                    "ئورۇنلىرى ۋە ئۆيگە بېرىپ كۈتۈش خىزمىتىگە ئىلتىماس قىلسا ئالدىن ئويلىشىلىدۇ."
                ),
            },
            "en": {
                "title": "Elderly care aide course (with skills certificate)",
                "body": (
                    "Every month the county's Well-Being Elderly Care Centre runs a 10-day course for care "
                    "aides: daily care of older people, safety and simple first aid. County residents aged "
                    "20-55 in good health may sign up. The course is free, and those who pass the "
                    "assessment receive a vocational skills certificate. Course graduates are considered "
                    "first for care jobs in the county, in care homes and in home care."
                ),
            },
        },
    },
    {
        "key": "ecommerce_course", "kind": "training", "valid_days": 40,
        "texts": {
            "zh": {
                "title": "农村电商与直播带货培训（7个晚上）",
                "body": (
                    "县农村电商服务中心开办7个晚上的电商培训，每晚两小时，教大家开网店、拍商品照片、"
                    "做短视频和直播卖货。35岁以下的青年、高校毕业生和有农产品要卖的农户都可以参加。培训免费，"
                    "请带上自己的智能手机。"
                ),
            },
            "ug": {
                "title": "يېزا ئېلېكترونلۇق سودىسى ۋە تور جانلىق سېتىش كۇرسى (7 كەچ)",
                "body": (
                    "ناھىيىلىك يېزا ئېلېكترونلۇق سودا مۇلازىمەت مەركىزى 7 كەچلىك كۇرس ئاچىدۇ، ھەر كەچتە "
                    "ئىككى سائەت: تور دۇكان ئېچىش، مالنىڭ رەسىمىنى تارتىش، قىسقا سىن ئىشلەش ۋە جانلىق "
                    "تارقىتىش ئارقىلىق مال سېتىش ئۆگىتىلىدۇ. 35 ياشتىن تۆۋەن ياشلار، ئالىي مەكتەپ "
                    "پۈتتۈرگۈچىلىرى ۋە دېھقانچىلىق مەھسۇلاتىنى ساتماقچى بولغان دېھقانلار قاتناشسا بولىدۇ. "
                    "كۇرس ھەقسىز، ئەقىللىق تېلېفونىڭىزنى ئېلىپ كېلىڭ."
                ),
            },
            "en": {
                "title": "Rural e-commerce and live-selling course (7 evenings)",
                "body": (
                    "The county's rural e-commerce centre runs a course on 7 evenings, two hours each: "
                    "opening an online shop, photographing products, making short videos and selling in "
                    "live streams. Young people under 35, college graduates and farmers with produce to "
                    "sell may join. Free; please bring your own smartphone."
                ),
            },
        },
    },
    {
        "key": "startup_loan", "kind": "policy", "valid_days": 90,
        "texts": {
            "zh": {
                "title": "创业担保贷款和贴息",
                "body": (
                    "在本县开小店、搞养殖、做手工或开网店的个人，可以申请最高30万元的创业担保贷款，"
                    "期限最长3年，符合条件的由财政贴息。高校毕业生、返乡创业人员和农村劳动者都可以申请，"
                    "不需要抵押，由县担保中心担保。欢迎到流动服务站咨询，工作人员帮您看是否符合条件。"
                ),
            },
            "ug": {
                "title": "ئىگىلىك تىكلەش كاپالەتلىك قەرزى ۋە ئۆسۈم تولۇقلىمىسى",
                "body": (
                    "ناھىيىمىزدە كىچىك دۇكان ئاچماقچى، چارۋا باقماقچى، قول ھۈنەرۋەنچىلىك قىلماقچى ياكى تور "
                    "دۇكان ئاچماقچى بولغان شەخسلەر ئەڭ كۆپ بولغاندا 300 مىڭ يۈەنلىك ئىگىلىك تىكلەش "
                    "كاپالەتلىك قەرزىگە ئىلتىماس قىلالايدۇ، مۇددىتى ئەڭ ئۇزۇن 3 يىل، شەرتكە توشقانلارنىڭ "
                    "ئۆسۈمىنى مالىيە تولۇقلاپ بېرىدۇ. ئالىي مەكتەپ پۈتتۈرگۈچىلىرى، يۇرتىغا قايتىپ ئىگىلىك "
                    "تىكلىگۈچىلەر ۋە يېزا ئەمگەكچىلىرى ئىلتىماس قىلسا بولىدۇ، رەنە قويۇش تەلەپ قىلىنمايدۇ، "
                    "ناھىيىلىك كاپالەت مەركىزى كاپالەتكە ئالىدۇ. سەييار مۇلازىمەت پونكىتىدىن مەسلىھەت "
                    "سوراڭ، خادىملىرىمىز شەرتكە توشىدىغان-توشمايدىغانلىقىڭىزنى كۆرۈپ بېرىدۇ."
                ),
            },
            "en": {
                "title": "Start-up loans with interest subsidy",
                "body": (
                    "Anyone starting a small shop, livestock raising, a handicraft business or an online "
                    "shop in the county can apply for a guaranteed start-up loan of up to 300,000 yuan for "
                    "up to 3 years; for those who qualify, the government pays the interest. College "
                    "graduates, people returning home to start a business and rural workers may apply. No "
                    "collateral is needed: the county guarantee centre stands surety. Ask at the caravan "
                    "stall and staff will check whether you qualify."
                ),
            },
        },
    },
    {
        "key": "workers_rights", "kind": "policy", "valid_days": 120,
        "texts": {
            "zh": {
                "title": "劳动者权益：签劳动合同，工资按时足额发放",
                "body": (
                    "无论在哪里工作，用人单位都应当与您签订书面劳动合同，按时足额支付工资，"
                    "不得扣押您的身份证件，也不得强迫您加班。找工作、换工作完全自愿。遇到拖欠工资等问题，"
                    "可以拨打12333热线，或者到县劳动保障监察大队求助，咨询免费。"
                ),
            },
            "ug": {
                "title": "ئەمگەكچىلەرنىڭ ھوقۇقى: ئەمگەك توختامى ۋە ئىش ھەققىنى ۋاقتىدا تولۇق بېرىش",
                "body": (
                    "قەيەردە ئىشلىشىڭىزدىن قەتئىينەزەر، ئىش بەرگۈچى ئورۇن سىز بىلەن يازما ئەمگەك توختامى "
                    "تۈزۈشى، ئىش ھەققىڭىزنى ۋاقتىدا ۋە تولۇق بېرىشى كېرەك، كىملىكىڭىزنى ئېلىۋېلىشقا ۋە "
                    "سىزنى قوشۇمچە ئىشلەشكە مەجبۇرلاشقا بولمايدۇ. خىزمەت تېپىش ۋە خىزمەت ئالماشتۇرۇش "
                    "پۈتۈنلەي ئۆز ئىختىيارىڭىزدا. ئىش ھەققى ۋاقتىدا بېرىلمەسلىك قاتارلىق مەسىلىلەرگە "
                    "يولۇقسىڭىز، 12333 قىزىق لىنىيىسىگە تېلېفون قىلىڭ ياكى ناھىيىلىك ئەمگەك كاپالىتى "
                    "نازارەت قىلىش ئەترىتىدىن ياردەم سوراڭ، مەسلىھەت ھەقسىز."
                ),
            },
            "en": {
                "title": "Your rights at work: a written contract, full wages on time",
                "body": (
                    "Wherever you work, the employer must sign a written labour contract with you and pay "
                    "your full wages on time; they may not keep your ID card or force you to work overtime. "
                    "Looking for a job and changing jobs is entirely your own choice. If your wages are not "
                    "paid or you have other problems, call the 12333 hotline or ask the county labour "
                    "inspection team for help; advice is free."
                ),
            },
        },
    },
    {
        "key": "graduate_job_subsidy", "kind": "policy", "valid_days": 60,
        "texts": {
            "zh": {
                "title": "高校毕业生求职创业补贴和就业见习",
                "body": (
                    "今年毕业的高校和中职学生，来自低保家庭、脱贫家庭或本人有残疾的，"
                    "可以申请一次性求职创业补贴1500元。所有毕业生都可以免费登记求职、参加招聘会，"
                    "也可以申请到县内单位参加3至12个月的就业见习，见习期间领取生活补贴。"
                    "在校园宣讲会上或县就业服务中心都能办理。"
                ),
            },
            "ug": {
                "title": "ئالىي مەكتەپ پۈتتۈرگۈچىلىرىگە خىزمەت ئىزدەش ياردەم پۇلى ۋە خىزمەت پراكتىكىسى",
                "body": (
                    "بۇ يىل ئوقۇش پۈتتۈرگەن ئالىي مەكتەپ ۋە ئوتتۇرا كەسپىي مەكتەپ ئوقۇغۇچىلىرىدىن ئەڭ تۆۋەن "
                    "تۇرمۇش كاپالىتىدىكى ئائىلىدىن ياكى نامراتلىقتىن قۇتۇلغان ئائىلىدىن كەلگەنلەر ياكى ئۆزى "
                    "مېيىپ بولغانلار بىر قېتىملىق 1500 يۈەن خىزمەت ئىزدەش ۋە ئىگىلىك تىكلەش ياردەم پۇلىغا "
                    "ئىلتىماس قىلالايدۇ. بارلىق ئوقۇش پۈتتۈرگۈچىلەر ھەقسىز خىزمەت ئىزدەش تىزىملىكىگە "
                    "ئالدۇرسا، ئىشقا ئېلىش يەرمەنكىلىرىگە قاتناشسا ھەمدە ناھىيىمىزدىكى ئورۇنلاردا 3–12 "
                    "ئايلىق خىزمەت پراكتىكىسى قىلىشقا ئىلتىماس قىلسا بولىدۇ، پراكتىكا جەريانىدا تۇرمۇش "
                    "تولۇقلىمىسى بېرىلىدۇ. مەكتەپتىكى تونۇشتۇرۇش يىغىنىدا ياكى ناھىيىلىك ئىشقا ئورۇنلىشىش "
                    "مۇلازىمەت مەركىزىدە بېجىرسىڭىز بولىدۇ."
                ),
            },
            "en": {
                "title": "Job-seeking subsidy and work placements for graduates",
                "body": (
                    "This year's college and vocational school graduates from families on minimum living "
                    "allowance or recently out of poverty, or who have a disability, can apply for a "
                    "one-off job-seeking and start-up subsidy of 1,500 yuan. Every graduate can register as "
                    "a job seeker free of charge, attend job fairs, and apply for a 3-12 month work "
                    "placement with a local employer, with a living allowance during the placement. Apply "
                    "at the campus information session or at the county employment service centre."
                ),
            },
        },
    },
]


# Caravan stops over the next three weeks; exactly one is today (day_offset 0).
# Times are local wall-clock times; events list published postings only.
EVENTS = [
    {
        "key": "bazaar_01", "kind": "bazaar", "area": "KT-03", "day_offset": 0, "start": "11:00",
        "end": "18:00",
        "place": {
            "zh": "英艾日克镇巴扎 东门广场",
            "ug": "يېڭىئېرىق بازىرى، چوڭ بازارنىڭ شەرقىي دەرۋازىسى ئالدىدىكى مەيدان",
            "en": "Yengieriq Town bazaar, square at the east gate",
        },
        "postings": [
            "cotton_coop_field_hand", "cotton_coop_irrigation_keeper", "cotton_coop_tractor_driver",
            "cotton_gin_line_worker", "cotton_gin_forklift_driver", "cotton_gin_sampler",
            "kindergarten_assistant", "supermarket_shelf_stocker", "spinning_mill_operator",
            "builder_labourer", "logistics_van_driver", "care_centre_aide",
        ],
        "notices": ["workers_rights", "electrician_course", "startup_loan"],
    },
    {
        "key": "village_01", "kind": "village", "area": "KT-03-01", "day_offset": 2, "start": "16:00",
        "end": "19:30",
        "place": {
            "zh": "帕合提卡尔村 村委会广场", "ug": "پاختىكار كەنتى، كەنت كومىتېتى ئالدىدىكى مەيدان",
            "en": "Paxtikar Village, square in front of the village committee",
        },
        "postings": [
            "cotton_coop_field_hand", "cotton_coop_irrigation_keeper", "cotton_gin_line_worker",
            "spinning_mill_operator", "kindergarten_assistant", "builder_labourer", "care_centre_aide",
        ],
        "notices": ["sewing_course", "elderly_care_course", "workers_rights"],
    },
    {
        "key": "bazaar_02", "kind": "bazaar", "area": "KT-02", "day_offset": 4, "start": "11:00",
        "end": "18:00",
        "place": {
            "zh": "阿纳尔巴格乡巴扎（乡政府对面）",
            "ug": "ئانارباغ يېزىلىق بازار (يېزىلىق ھۆكۈمەتنىڭ ئۇدۇلىدا)",
            "en": "Anarbagh Township bazaar, opposite the township government",
        },
        "postings": [
            "fruit_factory_sorter", "fruit_factory_box_packer", "fruit_factory_accountant",
            "greenhouse_farm_worker", "care_centre_home_aide", "ecommerce_live_assistant",
            "spinning_mill_operator", "restaurant_waiter", "hotel_housekeeper", "builder_bricklayer",
        ],
        "notices": ["ecommerce_course", "elderly_care_course", "startup_loan"],
    },
    {
        "key": "campus_01", "kind": "campus", "area": "KT-01", "day_offset": 6, "start": "12:00",
        "end": "17:00",
        "place": {
            "zh": "阔克塔勒县职业技术学校 教学楼前广场",
            "ug": "كۆكتال ناھىيىلىك كەسپىي تېخنىكا مەكتىپى، ئوقۇتۇش بىناسى ئالدىدىكى مەيدان",
            "en": "Koktal County Vocational and Technical School, square in front of the teaching building",
        },
        "postings": [
            "fruit_factory_accountant", "hotel_receptionist", "ecommerce_live_assistant",
            "school_teacher_aide", "kindergarten_assistant", "spinning_mill_electrician",
            "cotton_gin_sampler", "care_centre_aide", "builder_welder",
        ],
        "notices": ["graduate_job_subsidy", "startup_loan", "ecommerce_course", "electrician_course"],
    },
    {
        "key": "village_02", "kind": "village", "area": "KT-04-01", "day_offset": 9, "start": "16:00",
        "end": "19:30",
        "place": {
            "zh": "其兰力克村 村委会文化室", "ug": "چىلانلىق كەنتى، كەنت كومىتېتىنىڭ مەدەنىيەت ئۆيى",
            "en": "Chilanliq Village, culture room of the village committee",
        },
        "postings": [
            "jujube_coop_pruner", "logistics_village_courier", "school_teacher_aide", "builder_labourer",
            "builder_site_cook", "cotton_gin_line_worker", "care_centre_aide",
        ],
        "notices": ["electrician_course", "sewing_course", "workers_rights"],
    },
    {
        "key": "bazaar_03", "kind": "bazaar", "area": "KT-04", "day_offset": 11, "start": "11:00",
        "end": "18:00",
        "place": {
            "zh": "阿克亚尔乡巴扎（牲畜市场旁空地）",
            "ug": "ئاقيار يېزىلىق بازار (مال بازىرىنىڭ يېنىدىكى بوش مەيدان)",
            "en": "Aqyar Township bazaar, open ground next to the livestock market",
        },
        "postings": [
            "jujube_coop_pruner", "logistics_village_courier", "school_teacher_aide", "builder_labourer",
            "builder_welder", "builder_bricklayer", "restaurant_kitchen_helper", "spinning_mill_guard",
            "hotel_housekeeper", "logistics_warehouse_sorter",
        ],
        "notices": ["startup_loan", "electrician_course", "workers_rights"],
    },
    {
        "key": "job_fair_01", "kind": "job_fair", "area": "KT-01", "day_offset": 14, "start": "10:30",
        "end": "17:30",
        "place": {
            "zh": "阔克塔勒县文化中心广场（团结路）",
            "ug": "كۆكتال ناھىيىلىك مەدەنىيەت مەركىزى مەيدانى (ئىتتىپاق يولى)",
            "en": "Koktal County Cultural Centre square, Unity Road",
        },
        "postings": [
            "spinning_mill_operator", "spinning_mill_electrician", "spinning_mill_guard",
            "builder_labourer", "builder_welder", "builder_site_cook", "logistics_van_driver",
            "logistics_warehouse_sorter", "restaurant_laghman_cook", "restaurant_waiter",
            "hotel_receptionist", "hotel_housekeeper", "ecommerce_live_assistant", "ecommerce_order_packer",
            "care_centre_aide",
        ],
        "notices": ["graduate_job_subsidy", "startup_loan", "workers_rights", "elderly_care_course"],
    },
    {
        "key": "village_03", "kind": "village", "area": "KT-01-01", "day_offset": 18, "start": "16:00",
        "end": "19:30",
        "place": {
            "zh": "博斯坦村 村委会广场", "ug": "بوستان كەنتى، كەنت كومىتېتى ئالدىدىكى مەيدان",
            "en": "Bostan Village, square in front of the village committee",
        },
        "postings": [
            "garment_workshop_sewer", "garment_workshop_apprentice", "garment_workshop_ironer",
            "spinning_mill_operator", "ecommerce_order_packer", "restaurant_kitchen_helper",
            "care_centre_aide", "builder_bricklayer",
        ],
        "notices": ["sewing_course", "elderly_care_course", "ecommerce_course"],
    },
]


# Residents who registered earlier (with consent), written as they wrote themselves.
ATTENDEES = [
    {
        "name": "ئابدۇكېرىم تۇرسۇن", "phone": demo_phone(2201), "village": "KT-03-01", "group": "rural_worker",
        "skills": "تراكتور ھەيدىيەلەيمەن، پاختا ئېتىزىدا ئون يىلدىن ئارتۇق ئىشلىگەن",
        "wishes": "ئۆيگە يېقىن، ئايلىق مائاشلىق ئىش",
    },
    {
        "name": "帕提古丽·买买提", "phone": demo_phone(2202), "village": "KT-01-01", "group": "rural_worker",
        "skills": "会用缝纫机，做过两年裁缝", "wishes": "村里的车间，下午能接孩子",
    },
    {
        "name": "王建军", "phone": demo_phone(2203), "village": "KT-01-02", "group": "rural_worker",
        "skills": "电焊，有焊工证，在工地干过五年", "wishes": "县城附近的工地，日结月结都行",
    },
    {
        "name": "دىلنۇر ئابلىز", "phone": demo_phone(2204), "village": "KT-02-01", "group": "graduate",
        "skills": "بوغالتىرلىق كەسپىنى پۈتتۈرگەن (ئالىي تېخنىكوم)، Excel ئىشلىتەلەيمەن",
        "wishes": "ناھىيە ئىچىدە بوغالتىرلىق ياكى ئىشخانا خىزمىتى",
    },
    {
        "name": "李婷", "phone": None, "village": "KT-03-02", "group": "graduate",
        "skills": "学前教育专业中专毕业，会弹电子琴", "wishes": "幼儿园或小学的工作，离家近",
    },
    {
        "name": "Mirzat Ablimit", "phone": None, "village": "KT-04-02", "group": "other",
        "skills": "C1 shopurluq kinishkisi bar; motosikl we éléktr wélsipit ongshiyalaymen",
        "wishes": "Shopurluq yaki rémont ishi; kichik rémont dukini échishqa qerz élish",
    },
]

if __name__ == "__main__":
    # Self-check: references, unique keys, counts, and all three languages present.
    import re

    LANGS = ("zh", "ug", "en")
    KEY = re.compile(r"^[a-z0-9_]+$")
    PHONE = re.compile(rf"^{PHONE_PREFIX}\d{{8}}$")
    HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
    SECTORS = {"agriculture", "manufacturing", "construction", "services", "logistics", "retail",
               "health", "education", "other"}
    CJK = re.compile(r"[\u4e00-\u9fff]")
    ARABIC = re.compile(r"[\u0600-\u06ff]")

    def check_langs(what, texts, fields=None):
        """texts maps each language to a string, or (with fields) to a dict of strings.

        Names, titles and places are String(200) columns; only descriptions and bodies are longer.
        """
        assert set(texts) == set(LANGS), (what, sorted(texts))
        for lang in LANGS:
            values = [texts[lang]] if fields is None else [texts[lang][f] for f in fields]
            for value in values:
                assert isinstance(value, str) and value.strip(), (what, lang)
                assert lang != "ug" or ARABIC.search(value), (what, "ug text not in Arabic script")
                assert lang != "zh" or CJK.search(value), (what, "zh text has no Chinese")
            for f in fields or ():
                assert f in ("description", "requirements", "body") or len(texts[lang][f]) <= 200, (what, f)
            assert fields is not None or len(texts[lang]) <= 200, what

    def unique_keys(what, rows, field="key"):
        keys = [row[field] for row in rows]
        assert len(keys) == len(set(keys)), (what, "duplicate keys")
        for key in keys:
            assert KEY.match(key), (what, key)
        return set(keys)

    # Areas
    areas, villages = {}, set()
    check_langs(COUNTY["code"], {lang: COUNTY[lang] for lang in LANGS})
    areas[COUNTY["code"]] = 0
    assert len(COUNTY["children"]) == 4
    for town in COUNTY["children"]:
        assert town["code"] not in areas and town["code"].startswith(COUNTY["code"] + "-")
        areas[town["code"]] = 1
        check_langs(town["code"], {lang: town[lang] for lang in LANGS})
        assert 3 <= len(town["children"]) <= 4, town["code"]
        for village in town["children"]:
            assert village["code"] not in areas and village["code"].startswith(town["code"] + "-")
            assert "children" not in village
            areas[village["code"]] = 2
            villages.add(village["code"])
            check_langs(village["code"], {lang: village[lang] for lang in LANGS})
    local = {code for code, depth in areas.items() if depth >= 1}

    # Employers
    employers = unique_keys("employers", EMPLOYERS)
    assert 12 <= len(EMPLOYERS) <= 18
    for e in EMPLOYERS:
        check_langs(e["key"], {lang: e[lang] for lang in LANGS})
        assert e["sector"] in SECTORS and e["area"] in local, e["key"]
        assert e["contact_name"].strip() and PHONE.match(e["contact_phone"]), e["key"]

    # Postings
    postings = unique_keys("postings", POSTINGS)
    assert 35 <= len(POSTINGS) <= 45
    statuses = [p["status"] for p in POSTINGS]
    assert statuses.count("draft") == 3 and statuses.count("closed") == 2
    assert statuses.count("published") == len(POSTINGS) - 5
    for p in POSTINGS:
        k = p["key"]
        assert p["employer"] in employers and p["sector"] in SECTORS and p["area"] in local, k
        assert p["wage_unit"] in ("hour", "day", "month", "piece"), k
        assert all(type(p[f]) is int for f in ("openings", "wage_min", "wage_max", "valid_days")), k
        assert 0 < p["wage_min"] <= p["wage_max"] and p["openings"] > 0 and p["valid_days"] > 0, k
        assert all(type(p[f]) is bool for f in ("housing", "meals", "transport")), k
        check_langs(k, p["texts"], ("title", "description", "requirements", "work_place"))
    assert {p["wage_unit"] for p in POSTINGS} == {"hour", "day", "month", "piece"}
    published = {p["key"] for p in POSTINGS if p["status"] == "published"}

    # Notices
    notices = unique_keys("notices", NOTICES)
    assert 5 <= len(NOTICES) <= 8
    assert {n["kind"] for n in NOTICES} == {"training", "policy"}
    for n in NOTICES:
        assert type(n["valid_days"]) is int and n["valid_days"] > 0, n["key"]
        check_langs(n["key"], n["texts"], ("title", "body"))

    # Events
    unique_keys("events", EVENTS)
    assert 7 <= len(EVENTS) <= 9
    assert [e["day_offset"] for e in EVENTS].count(0) == 1, "exactly one event today"
    for e in EVENTS:
        k = e["key"]
        assert e["kind"] in ("bazaar", "village", "campus", "job_fair") and e["area"] in local, k
        assert 0 <= e["day_offset"] <= 21, k
        assert HHMM.match(e["start"]) and HHMM.match(e["end"]) and e["start"] < e["end"], k
        check_langs(k, e["place"])
        assert 6 <= len(e["postings"]) <= 15 and len(set(e["postings"])) == len(e["postings"]), k
        assert set(e["postings"]) <= published, (k, set(e["postings"]) - published)
        assert set(e["notices"]) <= notices and len(set(e["notices"])) == len(e["notices"]), k
    assert {e["kind"] for e in EVENTS} == {"bazaar", "village", "campus", "job_fair"}
    shown = {key for e in EVENTS for key in e["postings"]}

    # Attendees
    assert len(ATTENDEES) == 6
    for a in ATTENDEES:
        assert a["name"].strip() and a["village"] in villages, a["name"]
        assert a["group"] in ("rural_worker", "graduate", "other"), a["name"]
        assert a["phone"] is None or PHONE.match(a["phone"]), a["name"]
        assert a["skills"].strip() and a["wishes"].strip(), a["name"]

    print(f"ok: {len(areas)} areas, {len(EMPLOYERS)} employers, {len(POSTINGS)} postings "
          f"({len(published)} published, {len(published - shown)} not shown at any event), "
          f"{len(NOTICES)} notices, {len(EVENTS)} events, {len(ATTENDEES)} attendees")

#: The demo office's address and opening hours (settings OFFICE_ADDRESS and OFFICE_HOURS): ``flask demo``
#: writes them to instance/caravan.cfg when that file sets neither, so /jobs says where to apply.
OFFICE_ADDRESS = {
    "zh": "阔克塔勒县人民路 8 号 县公共就业服务中心一楼",
    "ug": "كۆكتال ناھىيىسى خەلق يولى 8-نومۇر، ناھىيىلىك ئاممىۋى ئىشقا ئورۇنلىشىش مۇلازىمەت مەركىزى 1-قەۋەت",
    "en": "8 Renmin Road, Koktal, county employment service centre, ground floor",
}
OFFICE_HOURS = {
    "zh": "周一至周五 10:00–13:30、16:00–19:30（北京时间）",
    "ug": "دۈشەنبىدىن جۈمەگىچە 10:00–13:30، 16:00–19:30 (بېيجىڭ ۋاقتى)",
    "en": "Monday to Friday 10:00–13:30 and 16:00–19:30 (Beijing time)",
}
