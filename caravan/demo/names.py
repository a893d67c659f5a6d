"""Made-up residents for the demo season: names in the script the person would use, fake phone numbers.

Uyghur residents write their names in Arabic script (given name, then the father's name); staff at a
Chinese-speaking desk sometimes type the same person in Chinese transliteration (given·father), which is
how real duplicate registrations look. Han residents write theirs in Chinese characters. The names are
common given names combined at random: no real person is meant.
"""
from __future__ import annotations

import random
import uuid

#: (Uyghur, Chinese transliteration) of common given names; the male ones also serve as fathers' names.
UYGHUR_MEN = [
    ("ئابدۇكېرىم", "阿不都克里木"), ("مەمەت", "买买提"), ("ئەخمەت", "艾合买提"), ("تۇرسۇن", "吐尔逊"),
    ("ئابلىز", "阿布力孜"), ("ياسىن", "亚森"), ("قۇربان", "库尔班"), ("ئىمىن", "依明"), ("ئوسمان", "吾斯曼"),
    ("قادىر", "卡德尔"), ("ھەسەن", "艾山"), ("ئۆمەر", "吾买尔"), ("يۈسۈپ", "玉素甫"), ("ئالىم", "阿力木"),
    ("ئەنۋەر", "安外尔"), ("ئەركىن", "艾尔肯"), ("نۇرمەمەت", "努尔买买提"), ("ئابدۇراخمان", "阿不都热合曼"),
]
UYGHUR_WOMEN = [
    ("پاتىگۈل", "帕提古丽"), ("گۈلنار", "古丽娜尔"), ("ئايگۈل", "阿依古丽"), ("نۇرگۈل", "努尔古丽"),
    ("ئامىنە", "阿米娜"), ("رەيھان", "热依汗"), ("مەريەم", "麦尔耶姆"), ("زۆھرە", "祖合热"),
    ("گۈلباھار", "古丽巴哈尔"), ("ساجىدە", "萨吉旦"), ("مۇناۋەر", "木纳瓦尔"), ("ئايشەم", "阿依夏木"),
]
HAN_SURNAMES = "王李张刘陈杨赵黄周吴马孙胡朱高何郭罗"
HAN_GIVEN = ["建军", "秀英", "丽", "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰",
             "娟", "涛", "明", "超", "霞", "平", "刚", "桂英", "海燕", "红梅", "志刚", "晓东", "玉兰"]

#: What people say they can do and want, in the script of their name; often left empty.
SKILLS = {
    "ug": ["پاختا تېرىش ۋە يىغىش", "تراكتور ھەيدىيەلەيمەن", "تىككۈچىلىك", "قۇرۇلۇش ئىشلىرى",
           "تاماق ئېتىش", "مېۋە-چېۋە باشقۇرۇش", "ماشىنا ھەيدىيەلەيمەن", "كومپيۇتېر ئىشلىتەلەيمەن"],
    "zh": ["会开拖拉机", "做过缝纫工", "工地干过三年", "会做饭", "有驾照", "会用电脑", "做过销售", "会电焊"],
}
WISHES = {
    "ug": ["ئۆيگە يېقىن ئىش", "ئايلىق مائاشلىق ئىش", "ناھىيە بازىرىدا ئىش", "كەسپىي تەربىيە"],
    "zh": ["离家近的工作", "包吃住", "县城附近", "想学一门技术", "月结工资"],
}

#: Mobile numbers in China begin with 13 to 19; "100" begins none, so these reach nobody.
PHONE_PREFIX = "100"


def demo_phone(serial: int) -> str:
    """The one source of demo phone numbers: 11 digits, ``PHONE_PREFIX`` and the last eight of ``serial``,
    so that an alert sent to a demo resident or employer reaches nobody."""
    return PHONE_PREFIX + f"{serial % 10**8:08d}"


def fake_phone(person_id: str) -> str:
    """A stable demo number for a made-up resident, derived from their id."""
    return demo_phone(uuid.UUID(person_id).int)


def person(rng: random.Random, uyghur_share: float) -> dict:
    """A made-up resident: ``name``, ``lang`` (the script of the name) and the other spelling, if any."""
    if rng.random() < uyghur_share:
        given = rng.choice(UYGHUR_WOMEN if rng.random() < 0.45 else UYGHUR_MEN)
        father = rng.choice(UYGHUR_MEN)
        ug, zh = f"{given[0]} {father[0]}", f"{given[1]}·{father[1]}"
        return {"name": ug, "lang": "ug", "other": zh}
    name = rng.choice(HAN_SURNAMES) + rng.choice(HAN_GIVEN)
    return {"name": name, "lang": "zh", "other": None}


def about(rng: random.Random, lang: str) -> tuple[str, str]:
    """Skills and wishes in ``lang``: each said by about half the people."""
    skills = rng.choice(SKILLS[lang]) if rng.random() < 0.5 else ""
    wishes = rng.choice(WISHES[lang]) if rng.random() < 0.4 else ""
    return skills, wishes
