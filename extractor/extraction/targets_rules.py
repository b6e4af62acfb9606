"""Which quantities are requirements, and with which comparator.

A quantity is looked at inside its clause: ``before`` is the clause text ahead of it, ``after``
the text behind its unit.

>>> comparator_of("特殊教育学校生均公用经费不低于", "")
('>=', 12)
>>> comparator_of("每年新增名师", "左右")
('approx', None)
>>> is_excluded("到", "2025年", "年", ",全县")
True
>>> is_excluded("任教累计满", "25年", "年", "的")
True
>>> is_excluded("延长期限不超过", "7个工作日", "个工作日", "。")
False
>>> is_excluded("对年纳税额超过", "500万元", "元", "的企业")
True
>>> is_requirement("实施专家型校长工程,培养", "名", "专家型校长")
True
>>> is_requirement("教学点,全县共有", "所", "学校")
False
"""
from __future__ import annotations

import re
from functools import lru_cache
from extractor.lexicon import longest_first, rows

ADJACENT_ONLY = 1  # one-character comparators (约, 为, 达, 内) must touch the number

YEAR_WORD = re.compile(
    r"""^(?:度|底|末|初|前|后|内|来|起|以来|间|中|上半|下半|级|制|龄|一贯|义务教育  # 2025年底, 3年内, 九年一贯制
        |行动|计划|规划|攻坚|专项                                              # 三年行动: a name
        |\d|[一二三四五六七八九十]+月)""",
    re.VERBOSE,
)
A_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九O○]{4})年")  # 2025年, 二OO九年
WORD_NOT_UNIT = re.compile(
    r"""^(?:周年|周岁|次性|批次|节点|名单|名次|项目|组织|组长|部门|部分|台账|期间|期末  # 一次性: words
        |届[一二三四五六七八九十\d]+次|届(?:人大|政协|全会|委员|会议|人民代表)    # 十五届五次全会: a meeting
        |届[一二三四五六七八九十\d中次、]{1,8}全会                              # 二十届二中、三中全会
        |次(?:全会|会议|全体|党代会)
        |次(?:开发|利用|加工|分配|创业|污染|装修|供水|设备|系统|回路|调频)         # 二次开发, 二次系统: a word
        |本(?:以上)?(?:上线|线|院校|批|录取|高校|大学|\d)                       # 二本以上上线人数: a college tier
        )""",
    re.VERBOSE,
)
ORDINAL = re.compile(r"(?:第|前|这|每|届|次|表|图|附件|附表)$")  # 第二轮, 前10名, 每5年, 十四届八次, 表1: not an amount
WORD_PREFIX = re.compile(r"(?:统|唯|同|单|逐|之|划|专|万)$")  # 统一个, 唯一一所: 一 inside a word
REACH_NAME_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}圈")  # 15分钟便民生活圈: a named area, not a duration
SPAN_OF_TIME = re.compile(r"(?:近|用|利用|经过|再用|花)$")  # 近3年, 用3年左右时间: a time window
TIME_UNITS = ("年", "个月", "月", "天", "日", "周", "小时")
QUOTED_NAME = re.compile(r"“[^“”]{0,12}$")  # “15分钟便民生活圈”, “稳增长20条”: inside a short quoted name
CONDITION_BEFORE = re.compile(r"(?:满|不足|不满|年满|超出)$")  # 任教累计满25年的, 不足100名学生
SESSION_AFTER = re.compile(
    r"""(?:[一二三四五六七八九十\d]+[中次])?         # 三中 of 十八届三中全会, 五次 of 九届五次
        (?:、[一二三四五六七八九十\d]+[中次])*       # 、四中: more sessions of the same body
        全会                                          # the plenary itself
    """,
    re.VERBOSE,
)
SESSION_BEFORE = re.compile(r"届(?:[一二三四五六七八九十\d]+[中次]、)*$")  # 九届 before 五次, 九届五次、 before 六次
BOUND_REACH = 6  # characters between a bound and the 一个 it bounds: 至少新建一个
CREDIT_UNITS = ("学分", "学时")  # 修满96学分: credits to earn, a requirement (not 满25年的, who qualifies)
CONDITION_OPENING = re.compile(r"^(?:对于|对|凡是|凡)")  # 对年纳税额超过500万元的企业: who qualifies
SCORING = re.compile(r"扣\s?[\d一二三四五六七八九十半]*\s?分|不得分|得\s?\d+\s?分|加\s?\d+\s?分|计\s?\d+\s?分")  # 少一次扣2分: points
IF_OPENING = re.compile(r"^(?:若|如果|倘若|假如|如遇|一旦)")  # 若年度吸纳超过200人,再给予…: a condition
TOPIC_CLAUSE_END = re.compile(r"的[))]?$")  # 面积为90平方米及以下的, 减按1%…: the clause names who qualifies
VALIDITY = re.compile(r"有效期(?:限)?(?:为|是|暂定|暂定为)?$")  # 有效期5年: how long a rule stands, no target
PERMITTED_RAISE = re.compile(r"可(?:以)?[\u4e00-\u9fff]{0,4}?(?:提高|提升|增加|上调|放宽|调整)(?:到|至)$")  # 比例可(阶段性)提高至35%: a cap
CHANGE_VERB = "提高|降低|下降|增加|提升|调整|减少|压减|压缩|缩减|缩短|延长|扩大|放宽|降|升|增|上调|下调"  # 由A压缩至B
FROM_VALUE_AFTER = re.compile(
    rf"""^(?:以上|以下)?                              # 由30%以上
        (?:{CHANGE_VERB})?                            # the change
        (?:到|至|为)                                  # to the new value
    """,
    re.VERBOSE,
)
FROM_TO_BEFORE = re.compile(
    rf"""(?:从|由)[^,;:,;:。]*?                      # from the old value ...
        (?:{CHANGE_VERB})?(?:到|至|为)$               # … to this one
    """,
    re.VERBOSE,
)
FROM_BEFORE = re.compile(r"(?:从|由)(?:每[\u4e00-\u9fff]{0,2}|原来的|原|现行的?)?$")  # 从19%, 从每人610元
PER_ONE = re.compile(
    r"""每(?![两\d一二三四五六七八九十]*(?:年|天|日|周|个?月|学期|学年|季度|半年|届|期|次|生|人))  # not 每年, 每两年
        [\u4e00-\u9fff]{1,4}$                                               # 每招引1人: per one hired
    """,
    re.VERBOSE,
)
MONEY_AFTER = re.compile(
    r"""^(?:/[^\s,;:,;:。/]{1,4})*             # 300元/人/月
        (?:的)?(?:标准|补助|补贴|奖励|奖补|资助|资金支持|一次性)  # 的标准, 的补贴
    """,
    re.VERBOSE,
)
CONDITION_AFTER = re.compile(
    r"""^(?:以上|以下|及以上|及以下|以内)的(?!目标|要求|标准|水平|比例|规模)  # 100平方米以上的商户
        |^的(?:[,;,;。]|$)                  # 超过500万元的, (a clause ending in 的)
    """,
    re.VERBOSE,
)
CLASS_THEN_COUNT = re.compile(
    r"""^(?:及)?(?:以上|以下)的?                  # 1000亩以上 …
        [\u4e00-\u9fff“”]{2,16}?                 # … 开放休闲林地
        (?:[\d.]+|[一二两三四五六七八九十]+)\s?      # … 5
        (?:个|座|处|家|所|条|项|片|块|批)           # … 个: the count of the class named
    """,
    re.VERBOSE,
)
LISTED_BODIES_AFTER = re.compile(r"^(?:部门|单位|机构|部委|省份|省市)")  # 等12个部门 …
SCOPE_NOTE_AFTER = re.compile(r"^(?:及)?(?:以上|以下)[))]")  # 大型公共建筑(单体建筑面积2万平方米以上)
NOTE_BEFORE_COMPARATOR = re.compile(r"[((][^()()]{1,12}[))]")  # (含私人桩) between a figure and 以上
LIST_NOUNS_AFTER = r"^(?:{})+(?=$|[^\u4e00-\u9fff]|[的是为即如])"  # 3项重点任务:, 五个方面的 (not 14个重点充电示范县)
PROPERTY_UNITS = ("千伏", "千瓦", "兆瓦", "千伏安", "兆伏安", "千瓦时", "吨", "吨标准煤", "蒸吨", "平方米", "立方米", "元")
THRESHOLD_CATEGORY = re.compile(
    r"""^(?:及)?(?:以上|以下)                       # 220千伏及以上 …
        [\u4e00-\u9fff]{0,12}?                     # … 集中式新能源
        (?:项目|企业|用户|机组|电站|工程|建筑|设备|车辆|线路|新能源)  # … 项目: the class it names
    """,
    re.VERBOSE,
)
STATISTICAL_SCOPE = re.compile(
    r"""(?:范围|口径)(?:为|是|指)[^,;:,;:。]*$   # 统计范围为计划总投资500万元及以上: a definition
      | (?:是指|系指)[^,;:,;:。]*$              # …是指年主营业务收入2000万元及以上
    """,
    re.VERBOSE,
)
PERMISSION_AFTER = re.compile(
    r"""^(?:及)?以上(?:的)?[,,]?(?:也|均|即|方|才)?             # 投入运行1年以上, … : a threshold
        (?:可以|可(?=申|享|获|参|认|评|办|优|列|纳|给|按|向|报|免))  # … 可以申报: who may, not who must
    """,
    re.VERBOSE,
)
TERM_OR_CYCLE = re.compile(
    r"""(?:周期|任期|[\u4e00-\u9fff]{1,2}期|期限|为期|学制|一届|每届)(?:为|是|均为)?$  # 任期5年, 公示期5天
    """,
    re.VERBOSE,
)
BOUND_DURATION_AFTER = re.compile(
    r"""^(?:以)?内\s?[,,]?\s?                     # 10年内 …
        (?:不得|不能|禁止|不予)                      # … 不得上市交易: a period of restriction to keep
    """,
    re.VERBOSE,
)
WORKING_DAYS = ("个工作日", "工作日")  # a procedure's time limit
MONEY_PER = re.compile(r"每[\u4e00-\u9fff]{1,3}[\u4e00-\u9fff]{0,2}$")  # 每平方米计提15元: a rate per unit
MONEY_LATER = re.compile(r"(?:给予|发放|兑现|予以)[^。;;]{0,12}(?:补贴|补助|奖励|奖补|资助)")  # …分别按…150万元…给予补贴
TERM_AFTER = re.compile(r"^(?:的)?(?:一周期|为一届|为一个[\u4e00-\u9fff]{0,6}?周期|为周期|一个周期|一轮|试用期|的试用期|为一个任期)")
FREQUENCY = re.compile(r"每(?:[一两二三四五六七八九十\d]*(?:年|个?学期|学年|季度|个?月|周|半年|天|日|届))")
MEASURED_HEAD = re.compile(
    r"""(?:分类量|处理量|处置量|产量|总量|用量|销量|容量|装机量|里程|面积|规模|产值|总长|长度|宽度)$  # 分类量29.53吨/日, 河道总长1.5公里
      | (?<=[\u4e00-\u9fff])位数$                               # 托位数1782个, 床位数, 泊位数: a capacity it is to be
    """,
    re.VERBOSE,
)  # an indicator noun right before its value: the figure is what it is to amount to
PROJECT_LIST = re.compile(r"(?:实施|建设|重点|主要)(?:项目|任务)[:：][^。]{0,200}$")  # 实施项目:1、…;2、(…)
ITEM_OPENING = re.compile(r"\s*(?:\d{1,2}[、.．]|[(（]\d{1,2}[)）])?\s*")  # nothing but an item's label before the figure
DAILY_DURATION = re.compile(r"每(?:天|日|周|节课|课时)[^,;。,;]{0,12}(?:\d|[一二三四五六七八九十])*[^。]{0,30}$")  # 每天睡眠…
FREQUENCY_UNITS = ("次", "届", "轮")  # units of how often, not of how many
ONCE_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?[一1]次")  # 每10年(进行)一次: the interval is the target
COUNTED_INTERVAL_BEFORE = re.compile(  # 每10年进行: the 一次 after it is the interval's, not a count
    r"每\s?\d+(?:\.\d+)?\s?(?:年|个?月|周|天|日)[\u4e00-\u9fff]{0,4}?$")
SET_UP_QUOTA = re.compile(
    r"""(?<![假预])设$  # 均设2个志愿, 下设5个督查组, 增设3个: 设 right before the count it sets up (not 假设)
    """,
    re.VERBOSE,
)
PER_PERIOD = re.compile(r"(?:\d+年|每(?:年|学期|学年|季度|月|周|天|日|期|次))$")  # 5年360学时, 每期100名
PERCENT_UNITS = ("%", "‰", "个百分点", "百分点")
BOUND_WORDS = re.compile(r"最高|最多|最低|至少|上限|下限|最长|最短")  # 最高…为, 最长贷款期限为: a bound, not a value
QUOTA_GAP = 20  # characters allowed between a quota verb and its number


@lru_cache(maxsize=1)
def _comparator_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for word, comparator, where in rows("target_comparators.txt"):
        table[where][word] = comparator
    return table


@lru_cache(maxsize=2)
def _without_names(before: str) -> str:
    """``before`` with the names that hold a comparator word blanked out, offsets kept."""
    return _pattern("names_with_comparators").sub(lambda found: "_" * len(found.group()), before)


@lru_cache(maxsize=None)
def _words_pattern(where: str) -> re.Pattern:
    words = sorted(_comparator_table()[where], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[str, ...]:
    """A word list of ``data/NAME.txt``, longest first, escaped for a regex."""
    return tuple(re.escape(w) for w in longest_first(f"{name}.txt"))


@lru_cache(maxsize=None)
def _pattern(name: str, template: str = "(?:{})") -> re.Pattern:
    return re.compile(template.format("|".join(_words(name))))


def _quota_verb_before(before: str, listed: bool = False) -> bool:
    """A quota verb up to QUOTA_GAP characters ahead, in the same clause: 培养…30名; or anywhere
    in it when the number counts a ``listed`` set just named (完成A路、B路…等14条市政道路建设)."""
    reach = "*" if listed and before.endswith("等") else "{{0,%d}}" % QUOTA_GAP
    return bool(_pattern("target_quota_verbs", "(?:{})[^,;:,;:。]" + reach + "$").search(before))


def quota_verb_touches(before: str) -> bool:
    """Whether a quota verb stands right before the number (建设一所, 培养两名)."""
    return bool(_pattern("target_quota_verbs", "(?:{})(?:每年|平均)?$").search(before))


def comparator_words() -> re.Pattern:
    """Any comparator word written ahead of a number (不低于, 达到, 控制在 …)."""
    return _words_pattern("before")


def before_comparator(before: str) -> tuple[str, int] | None:
    """The comparator written ahead of a number, and where it starts in ``before`` (not one
    inside a name: 最低生活保障标准的1.6倍).

    >>> before_comparator("最低生活保障标准的"), before_comparator("补贴最高")
    (None, ('<=', 2))
    """
    found = None
    for match in _words_pattern("before").finditer(_without_names(before)):
        if len(match.group()) > ADJACENT_ONLY or match.end() == len(before):
            found = match
    if found is None:
        return None
    return _comparator_table()["before"][found.group()], found.start()


def after_comparator(after: str) -> tuple[str, int] | None:
    """The comparator written right behind a unit (以上, 以内, 左右), and its length; a short
    note in brackets may stand between (12万个(含私人桩)以上)."""
    note = NOTE_BEFORE_COMPARATOR.match(after)
    skipped = note.end() if note else 0
    match = _words_pattern("after").match(after, skipped)
    if match is None:
        return None
    return _comparator_table()["after"][match.group()], match.end()


def comparator_of(before: str, after: str, *, ranged: bool = False,
                  more: bool = False) -> tuple[str, int | None]:
    """The comparator of a quantity and where its word starts in ``before`` (None: none there).
    A bound word earlier in the clause governs a plain 为 (最高贷款额度为50万元: ``<=``)."""
    ahead, behind = before_comparator(before), after_comparator(after)
    if ahead and ahead[0] == "=":
        earlier = before_comparator(before[:ahead[1]])
        bounded = BOUND_WORDS.search(_without_names(before[:ahead[1]]))
        ahead = earlier if earlier and earlier[0] != "=" and bounded else ahead
    if ranged:
        return "range", ahead[1] if ahead else None
    if behind and (behind[0] in ("approx", ">=", "<=") or not ahead):
        return behind[0], ahead[1] if ahead else None
    if ahead:
        return ahead[0], ahead[1]
    return (">" if more else "="), None


def _is_date_or_word(quantity: str, unit: str, after: str) -> bool:
    if unit == "年" and A_YEAR.fullmatch(quantity):
        return True  # 2025年, 二OO九年
    if unit == "年" and YEAR_WORD.match(after) and not BOUND_DURATION_AFTER.match(after):
        return True  # 2025年底, 3年内 (but 10年内不得…: a time limit)
    if unit == "日" and not after.startswith(("内", "以内")):
        return True  # a day of a month
    return bool(WORD_NOT_UNIT.match(unit[-1:] + after)) or after[:1].isdigit()  # 一次性; 1人1桌1凳


def _in_quoted_name(before: str, after: str) -> bool:
    opening = QUOTED_NAME.search(before)
    closing = after.find("”")
    return bool(opening) and 0 <= closing <= 12 and "“" not in after[:closing]


def _bounded_just_before(before: str) -> bool:
    """A bound (至少, 不少于, 最多) a few characters before a number: 至少建设一个."""
    bound = before_comparator(before)
    return bool(bound) and bound[0] != "=" and bound[1] >= len(before) - BOUND_REACH


def _is_name_or_word(before: str, quantity: str, unit: str, after: str) -> bool:
    """Ordinals, words with a numeral inside, quoted names, phases: 第二轮, 统一个, “稳增长20条”."""
    chinese = quantity[0] not in "0123456789"
    if (ORDINAL.search(before) and (chinese or not is_interval(before, after))) or _in_quoted_name(before, after):
        return True  # (每5年 is no amount, but 每5年一次 sets an interval; 每半年一次 counts 1 次)
    article = quantity.endswith("一个") and not _bounded_just_before(before)  # (至少建设一个中心 counts)
    if chinese and (WORD_PREFIX.search(before) or unit in ("期", "类") or article):
        return True  # 统一个; 改造二期; 一类公厕 (a grade); 提供一个平台 (一个 as an article)
    if (unit == "届" or (unit == "次" and SESSION_BEFORE.search(before))) and SESSION_AFTER.match(after):
        return True  # 十八届三中全会, 省委九届五次、六次全会: a meeting's name
    if unit in ("分钟", "小时", "公里") and REACH_NAME_AFTER.match(after):
        return True  # 15分钟商业服务圈, 1小时经济圈: the name of an area within reach
    if chinese and unit == "元" and len(quantity) == 2:
        return True  # 三元乳业: money is written in figures
    return unit in TIME_UNITS and bool(SPAN_OF_TIME.search(before))  # 用3年左右时间


def _is_condition_or_count(before: str, unit: str, after: str, clause: str = "") -> bool:
    """Eligibility conditions (满25年的, 100平方米以上的, a clause opened by 若 or closed by 的)
    and counts of list items (3项措施)."""
    condition = CONDITION_BEFORE.search(before) and not (unit in CREDIT_UNITS and not after.startswith(("的", "后")))
    if condition or IF_OPENING.match(clause.lstrip()) or TOPIC_CLAUSE_END.search(after):
        return True
    if before.endswith("等") and LISTED_BODIES_AFTER.match(after):
        return True  # 农业农村部、国家乡村振兴局等12个部门: the count of the bodies just named
    if SCORING.search(clause) or SCORING.search(after):
        return True  # 少一次扣2分, 每缺一项扣1分: a scoring rule, not a requirement
    if unit in ("项", "个", "条", "方面") and _pattern("target_list_nouns", LIST_NOUNS_AFTER).match(after):
        return not (before_comparator(before) or after_comparator(after))
    if CONDITION_OPENING.match(before) and after.startswith("的") and "的" not in before:
        return True  # 对年纳税额超过500万元的企业 (not 对…的企业给予200万元的奖励)
    if _is_scope_note(before, after) or (STATISTICAL_SCOPE.search(before) and after_comparator(after)):
        return True
    if unit in PROPERTY_UNITS and THRESHOLD_CATEGORY.match(after) and not before_comparator(before):
        return True  # 电压等级220千伏及以上集中式新能源项目…完成改造: a class of things, not a level to reach
    if CLASS_THEN_COUNT.match(after) and not before_comparator(before):
        return True  # 建成1000亩以上开放休闲林地5个: the class of what is counted; the count is the target
    return bool(CONDITION_AFTER.match(after)) and not before_comparator(before) and not quota_verb_touches(before)


def _is_scope_note(before: str, after: str) -> bool:
    """A parenthetical that says which things a rule covers: (单体建筑面积2万平方米以上)."""
    opening = max(before.rfind("("), before.rfind("("))
    if opening < max(before.rfind(")"), before.rfind(")")) or opening < 0:
        return False
    return bool(SCOPE_NOTE_AFTER.match(after)) and not before_comparator(before[opening + 1:])


def grants_permission(rest: str) -> bool:
    """Whether the text behind a number makes it a threshold for what one *may* do (…以上,可以申报).

    >>> grants_permission("以上,可以向主管部门申报"), grants_permission("以上教育教学工作")
    (True, False)
    """
    return bool(PERMISSION_AFTER.match(rest))


def is_excluded(before: str, quantity: str, unit: str, after: str, clause: str = "") -> bool:
    """Dates, time windows, ordinals, names, eligibility conditions, a policy's validity
    (有效期5年) and the old value of a change (从19%降低到16%): never targets. ``clause`` is the
    whole clause up to the quantity."""
    return (_is_date_or_word(quantity, unit, after) or _is_name_or_word(before, quantity, unit, after)
            or bool(VALIDITY.search(before))
            or _is_condition_or_count(before, unit, after, clause) or is_from_value(before, after)
            or _per_one(before, quantity, unit) or _once_per_interval(clause or before, quantity, unit))


def _once_per_interval(clause: str, quantity: str, unit: str) -> bool:
    """The 一次 of 每10年进行一次: the interval (10年) is what is set."""
    return unit == "次" and quantity[:1] in "1一" and bool(COUNTED_INTERVAL_BEFORE.search(clause))


def is_interval(before: str, after: str) -> bool:
    """每5年(进行)一次: a duration that says how often (= 5 年).

    >>> is_interval("超过设计使用年限后每", "进行一次体检"), is_interval("培训", "进行一次")
    (True, False)
    """
    return before.endswith("每") and bool(ONCE_AFTER.match(after))


def _per_one(before: str, quantity: str, unit: str) -> bool:
    """每招引1人(…)500元: the 1 is the denominator of a rate, not an amount."""
    return (quantity[:1] in "1一" and quantity[1:2] not in "0123456789." and unit not in ("元", "美元")
            and bool(PER_ONE.search(before)))  # (每套补贴1万元 is an amount)


def is_from_value(before: str, after: str) -> bool:
    """The old value of a change: 从19%降低到16%, 由30%以上提高至40%.

    >>> is_from_value("费率从", "降低到16%"), is_from_value("费率从19%降低到", "")
    (True, False)
    """
    return bool(FROM_BEFORE.search(before)) and bool(FROM_VALUE_AFTER.match(after))


def sets_new_value(before: str) -> bool:
    """Whether the number is the new value of a change (从19%降低到…): it is set, ``=``."""
    return bool(FROM_TO_BEFORE.search(before))


def is_term_or_cycle(before: str, after: str, unit: str) -> bool:
    """Terms, probation periods and cycles: 任期5年, 5年一周期, 以5年为一届."""
    if unit not in ("年", "个月", "天", "学年", "周", "分钟", "小时"):
        return False
    return bool(TERM_OR_CYCLE.search(before) or TERM_AFTER.match(after) or is_interval(before, after)
                or (before.endswith("以") and after.startswith("为")))


def is_requirement(before: str, unit: str, after: str, sentence: str = "", rest: str = "") -> bool:
    """A plain quantity (no comparator) that still sets a requirement; ``rest`` is the
    sentence after the quantity."""
    if unit == "" or unit in PERCENT_UNITS or unit in WORKING_DAYS or sets_new_value(before):
        return True  # (a figure without a unit is read only after a ratio's name: 拆建比不大于2)
    if unit in TIME_UNITS + ("天",) and BOUND_DURATION_AFTER.match(after):
        return True
    if unit in FREQUENCY_UNITS and FREQUENCY.search(sentence or before):
        return True
    if unit in ("小时", "个小时", "分钟") and (DAILY_DURATION.search(sentence or before) or is_term_or_cycle(before, after, unit)):
        return True  # 每天睡眠10个小时, 每节课…10分钟, 以15分钟为一个计费周期: a duration set
    if unit in TIME_UNITS and unit != "小时" and (unit != "天" or is_term_or_cycle(before, after, unit)):
        return is_term_or_cycle(before, after, unit)  # 公示期5天, 任期3年 (实施3年: a span, not a quota)
    if unit in ("元", "美元"):
        return bool(_pattern("target_money_cues").search(before) or MONEY_AFTER.match(after) or MONEY_PER.search(before)
                    or MONEY_LATER.match(rest) or MONEY_LATER.search(rest[:40]))
    if PROJECT_LIST.search(sentence) and ITEM_OPENING.fullmatch(before):
        return True  # 实施项目:1、1个美丽乡村示范乡:…;2、3个…: the items of a list of projects
    listed = unit not in FREQUENCY_UNITS  # 等二次系统 is a term, not a count of listed things
    return _quota_verb_before(before, listed) or bool(PER_PERIOD.search(before) or MEASURED_HEAD.search(before)
                                                      or SET_UP_QUOTA.search(before))
