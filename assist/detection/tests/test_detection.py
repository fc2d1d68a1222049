"""Question detection on speech-to-text output: kinds, types, cleaning and repeats.

Examples are written the way Whisper returns the interviewer's speech: lowercase,
unpunctuated, with hesitations and repeated words, and sometimes punctuated.
"""

from __future__ import annotations

import dataclasses

import pytest

from assist.detection import (
    COMPETENCIES,
    KINDS,
    QUESTION_TYPES,
    Detection,
    clean,
    detect,
    has_subject,
    same_question,
)

# --- Questions, by type -----------------------------------------------------------------

EN_TECHNICAL = [
    "explain how a hash map handles collisions",
    "um so what's the difference between a process and a thread",
    "how does garbage collection work in the jvm",
    "what database did you use for that and why",
    "can you walk me through how you'd design a url shortener",
    "how would you design a rate limiter for a public api",
    "uh what is a closure in javascript",
    "when would you use a message queue instead of calling the service directly",
    "what are the pros and cons of microservices",
    "so how did you scale the database when the traffic grew",
    "what happens when you type a url into the browser and press enter",
    "have you ever used kubernetes in production",
    "design a parking lot system",
    "write a function that reverses a linked list",
    "how do you handle errors in a rest api",
    "what's the time complexity of binary search",
    "compare sql and nosql databases",
    "suppose a table has a billion rows how would you speed up the queries",
    "okay great so how does https actually work",
    "in react what is the difference between state and props",
    "how would you debug a memory leak in a node service",
    "what kind of caching did you use",
    "is there a way to make that faster",
    "can you think of any edge cases",
    "Could you explain the CAP theorem?",
]
EN_TECHNICAL_PROFESSIONS = [
    "how do you make sure patients get the right medication dosage",
    "what's the difference between accrual and cash accounting",
    "how do you handle objections from a prospect on a sales call",
    "how do you plan a lesson for a mixed ability class",
    "how would you measure the roi of a marketing campaign",
    "how do you reconcile the general ledger at month end",
    "what steps do you take when onboarding a new employee",
]
EN_BEHAVIORAL = [
    "um so uh tell me about a time you you disagreed with your manager",
    "tell me about yourself",
    "so why do you want to work here",
    "what's your biggest weakness",
    "why are you leaving your current job",
    "describe a situation where you had to persuade a stakeholder",
    "give me an example of a time you failed",
    "have you ever had a conflict with a coworker",
    "where do you see yourself in five years",
    "walk me through your resume",
    "what motivates you",
    "how do you deal with stress",
    "what was the most challenging project you worked on",
    "how would your colleagues describe you",
    "tell me about a mistake you made at work and what you did about it",
    "what did you learn from that experience",
    "and what was your role on that project",
    "have you ever had to deliver bad news to a client",
    "what would you do differently if you did that project again",
    "Tell me about a time you went above and beyond for a customer.",
]
EN_SITUATIONAL = [
    "what would you do if your manager asked you to cut corners",
    "imagine you're leading a project that's behind schedule what would you do",
    "how would you handle a teammate who isn't pulling their weight",
    "let's say a customer is furious about a late delivery how would you respond",
    "suppose two directors both say their request is the top priority what do you do",
    "what if you found out a colleague was inflating numbers in a report",
    "a key client calls you angry because the delivery is three weeks late what would you do",
    "you have two weeks to deliver something that normally takes a month how do you approach it",
    "how would you explain a technical tradeoff to a non-technical stakeholder",
    "if you joined and disagreed with how the team runs code reviews how would you approach it",
    "What would you do if a teammate took credit for your work?",
]
ZH_TECHNICAL = [
    "说一下你对微服务的理解",
    "redis为什么这么快",
    "hashmap的底层原理",
    "讲讲 kubernetes 的 service mesh",
    "你们当时用的什么数据库",
    "解释一下什么是闭包",
    "mysql的索引是怎么实现的",
    "如何设计一个秒杀系统",
    "进程和线程有什么区别",
    "你用过kafka吗",
    "嗯 那个 你对分布式事务怎么理解",
    "如果让你设计一个短链系统你会怎么做",
    "怎么保证消息不丢失",
    "资产负债表和利润表有什么关系",
    "说一下jvm的内存模型",
    "这个时间复杂度是多少",
]
ZH_BEHAVIORAL = [
    "嗯 那个 讲讲你上家公司最有挑战的项目",
    "先做个自我介绍吧",
    "有没有遇到过和领导意见不一致的情况",
    "你为什么从上一家公司离职",
    "讲一个你带团队解决困难的经历",
    "你的优点和缺点是什么",
    "为什么想来我们公司",
    "你之前做项目的时候遇到过最大的困难是什么",
    "举个例子说说你是怎么和同事合作的",
    "你未来三到五年的职业规划是什么",
    "这个项目里面你具体负责哪一块",
    "你平时怎么学习新技术",
]
ZH_SITUATIONAL = [
    "假如你的同事不配合你的工作 你会怎么办",
    "如果客户对交付时间很不满意你会怎么处理",
    "假设你刚接手一个团队士气很低你会怎么做",
    "如果领导让你把报表数据美化一下你会怎么办",
    "你手上的工作已经排满了 领导又给你加了一项紧急任务 你会怎么处理",
    "如果你和产品经理对需求有分歧 你会怎么沟通",
]


@pytest.mark.parametrize("text", EN_TECHNICAL + EN_TECHNICAL_PROFESSIONS)
def test_english_technical_questions(text):
    result = detect(text)
    assert (result.is_question, result.kind, result.question_type) == (
        True,
        "question",
        "technical",
    )
    assert result.language == "en"
    assert result.competency is None


@pytest.mark.parametrize("text", EN_BEHAVIORAL)
def test_english_behavioral_questions(text):
    result = detect(text)
    assert (result.is_question, result.question_type) == (True, "behavioral")
    assert result.competency in COMPETENCIES


@pytest.mark.parametrize("text", EN_SITUATIONAL)
def test_english_situational_questions(text):
    result = detect(text)
    assert (result.is_question, result.question_type) == (True, "situational")
    assert result.competency in COMPETENCIES


@pytest.mark.parametrize("text", ZH_TECHNICAL)
def test_chinese_technical_questions(text):
    result = detect(text)
    assert (result.is_question, result.question_type, result.language) == (True, "technical", "zh")


@pytest.mark.parametrize("text", ZH_BEHAVIORAL)
def test_chinese_behavioral_questions(text):
    result = detect(text)
    assert (result.is_question, result.question_type, result.language) == (True, "behavioral", "zh")
    assert result.competency in COMPETENCIES


@pytest.mark.parametrize("text", ZH_SITUATIONAL)
def test_chinese_situational_questions(text):
    result = detect(text)
    assert (result.is_question, result.question_type) == (True, "situational")
    assert result.competency in COMPETENCIES


# --- Not questions ----------------------------------------------------------------------

NOT_QUESTIONS = [
    # small talk, even phrased as a question
    ("how's your day going", "small_talk"),
    ("how was your weekend", "small_talk"),
    ("did you find the office ok", "small_talk"),
    ("hi how are you doing today", "small_talk"),
    ("good morning nice to meet you", "small_talk"),
    ("thanks for coming in today", "small_talk"),
    ("did you have a good weekend", "small_talk"),
    ("where are you calling from", "small_talk"),
    ("最近忙吗", "small_talk"),
    ("吃饭了吗", "small_talk"),
    ("路上还顺利吗", "small_talk"),
    ("周末过得怎么样", "small_talk"),
    ("你好", "small_talk"),
    # the call and the process
    ("can you hear me", "logistics"),
    ("can you see my screen", "logistics"),
    ("let me share my screen", "logistics"),
    ("we have about forty minutes", "logistics"),
    ("the next round will be with the engineering manager", "logistics"),
    ("you're on mute", "logistics"),
    ("sorry you cut out can you repeat that", "logistics"),
    ("do you have any questions for me", "logistics"),
    ("i'll paste the link in the chat", "logistics"),
    ("give me a second", "logistics"),
    ("are you able to see the coderpad", "logistics"),
    ("does that make sense", "logistics"),
    ("whenever you're ready", "logistics"),
    ("你那边声音清楚吗", "logistics"),
    ("我先共享一下屏幕", "logistics"),
    ("能听到我说话吗", "logistics"),
    ("我们今天大概有四十分钟", "logistics"),
    ("下一轮是技术面", "logistics"),
    ("你还有什么问题要问我的吗", "logistics"),
    ("你能看到我的屏幕吗", "logistics"),
    ("那我们今天先到这里 后续hr会联系你", "logistics"),
    # acknowledgements
    ("ok", "acknowledgement"),
    ("mm hmm right", "acknowledgement"),
    ("great thanks", "acknowledgement"),
    ("that makes sense", "acknowledgement"),
    ("okay cool", "acknowledgement"),
    ("uh huh", "acknowledgement"),
    ("yeah no that totally makes sense", "acknowledgement"),
    ("okay, thanks for sharing that.", "acknowledgement"),
    ("right?", "acknowledgement"),
    ("mm", "acknowledgement"),
    ("好的", "acknowledgement"),
    ("嗯嗯明白", "acknowledgement"),
    ("对对对", "acknowledgement"),
    ("嗯", "acknowledgement"),
    ("好的 谢谢", "acknowledgement"),
    # statements: the company, the role, comments
    ("so our team mostly works on payments", "statement"),
    ("that's a really interesting approach", "statement"),
    ("what we do here is mostly data engineering", "statement"),
    ("how we work is pretty agile", "statement"),
    ("we use a lot of python and go on the backend", "statement"),
    ("the role is mostly backend with some devops", "statement"),
    ("you'd be working closely with the data science team", "statement"),
    ("let me tell you a bit about the company", "statement"),
    ("the reason i ask is we use a lot of kafka", "statement"),
    ("what i'm looking for is someone who can own the backend", "statement"),
    ("i noticed on your resume you worked at stripe", "statement"),
    ("我们这边主要是做支付的", "statement"),
    ("我先给你介绍一下我们的团队", "statement"),
    ("这个思路挺不错的", "statement"),
    ("这个岗位主要负责后端开发", "statement"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_QUESTIONS)
def test_not_questions(text, kind):
    result = detect(text)
    assert (result.is_question, result.kind) == (False, kind)
    assert result.question_type is None
    assert result.competency is None


# --- Harder cases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "walk me through your last project",
        "tell me about your experience with aws",
        "explain the event loop",
        "describe your ideal team",
        "talk about a project you're proud of",
        "说一下 http 和 https 的区别",
        "讲讲你最近做的项目",
        "谈谈你对加班的看法",
        "介绍一下你自己",
        "解释一下乐观锁和悲观锁",
        "描述一下你们的发布流程",
    ],
)
def test_imperative_requests_are_questions(text):
    assert detect(text).is_question


@pytest.mark.parametrize(
    "text",
    [
        "hi thanks for joining so tell me about yourself",
        "can you hear me okay great so what's your experience with react",
        "ok let me share my screen and then design a parking lot system",
        "so our team mostly works on payments how do you handle idempotency",
        "I see. That's interesting. Why did you choose Postgres over Mongo?",
        "好的 明白 那你讲讲你最近做的项目",
        "我先共享一下屏幕 你说一下这个题的思路",
    ],
)
def test_question_after_pleasantries_or_logistics(text):
    assert detect(text).is_question


def test_question_mark_makes_a_declarative_a_question():
    assert not detect("you worked with kafka before").is_question
    assert detect("You worked with Kafka before?").is_question


def test_tag_question_addressed_to_the_candidate():
    assert detect("you've worked with kafka before right").is_question


def test_short_follow_ups_are_questions():
    for text in ("why", "how so", "like what", "and then what happened", "那你呢"):
        assert detect(text).is_question, text


def test_scenario_ending_in_a_question_is_situational():
    result = detect(
        "it's the end of a long day and three urgent problems land on you at once "
        "each from a different person walk me through what you would do"
    )
    assert (result.is_question, result.question_type) == (True, "situational")


def test_technical_details_of_the_candidates_own_work_are_technical():
    for text in (
        "what database did you use for that and why",
        "how did you implement the caching layer",
        "why did you choose postgres over mongo",
        "你们那个系统的 qps 大概多少",
    ):
        assert detect(text).question_type == "technical", text


def test_motivation_questions_are_behavioral_not_technical():
    for text in ("why did you decide to join a startup", "why this company", "为什么想来我们公司"):
        assert detect(text).question_type == "behavioral", text


def test_tool_experience_is_technical_but_ever_with_people_is_behavioral():
    assert detect("have you ever used terraform").question_type == "technical"
    assert detect("have you ever disagreed with your team lead").question_type == "behavioral"


def test_interviewer_announcing_is_not_a_request():
    assert not detect("我先简单介绍一下今天的流程").is_question
    assert detect("我们来聊聊你的项目").is_question
    assert detect("我想听你讲讲这个项目").is_question


def test_traditional_chinese_is_folded_to_simplified():
    result = detect("說一下你對微服務的理解")
    assert (result.is_question, result.question_type, result.language) == (True, "technical", "zh")
    assert result.text == "说一下你对微服务的理解"
    assert detect("你那邊聲音清楚嗎").kind == "logistics"


# --- Competency -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "competency"),
    [
        ("tell me about a time you disagreed with your manager", "conflict"),
        ("tell me about a time you failed", "failure"),
        ("describe a time you had to persuade a stakeholder to change their mind", "influence"),
        ("tell me about a time you had to juggle several deadlines", "prioritization"),
        ("what would you do if your manager asked you to cut corners", "ethics"),
        ("how would you handle an unhappy customer", "customer_focus"),
        ("tell me about a time you mentored a junior engineer", "leadership"),
        ("how do you handle pressure", "pressure"),
        ("what's your biggest weakness", "learning"),
        ("tell me about yourself", "communication"),
        ("有没有遇到过和领导意见不一致的情况", "conflict"),
        ("讲一次你犯错的经历", "failure"),
        ("假设你刚接手一个团队士气很低你会怎么做", "leadership"),
    ],
)
def test_competency(text, competency):
    assert detect(text).competency == competency


# --- Confidence, language, the dataclass ---------------------------------------------------


def test_confidence_is_high_for_clear_cases_and_lower_for_borderline_ones():
    clear_question = detect("tell me about a time you disagreed with your manager")
    clear_ack = detect("okay great thanks")
    borderline = detect("you've worked with kafka before right")
    assert clear_question.confidence > 0.8
    assert clear_ack.confidence > 0.8
    assert borderline.confidence < clear_question.confidence


ALL_TEXTS = (
    EN_TECHNICAL
    + EN_BEHAVIORAL
    + EN_SITUATIONAL
    + ZH_TECHNICAL
    + ZH_BEHAVIORAL
    + ZH_SITUATIONAL
    + [text for text, _ in NOT_QUESTIONS]
    + ["", "   ", "?", "um uh", "嗯 那个", "12345", "ok ok ok ok ok"]
)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_result_is_well_formed(text):
    result = detect(text)
    assert 0.0 <= result.confidence <= 1.0
    assert result.kind in KINDS
    assert result.language in ("en", "zh")
    assert (result.kind == "question") == result.is_question
    if result.is_question:
        assert result.question_type in QUESTION_TYPES
        assert (result.competency is None) == (result.question_type == "technical")
    else:
        assert result.question_type is None and result.competency is None


def test_detection_is_frozen():
    result = detect("what is a closure")
    assert isinstance(result, Detection)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.is_question = False  # type: ignore[misc]


def test_empty_and_filler_only_utterances_are_not_questions():
    assert detect("").kind == "statement"
    assert detect("um uh").kind == "acknowledgement"
    assert detect("嗯").kind == "acknowledgement"
    assert not detect("?").is_question


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("tell me about yourself", None, "en"),
        ("说一下你对微服务的理解", None, "zh"),
        ("讲讲 kubernetes 的 service mesh", None, "zh"),
        ("can you explain 分布式事务", None, "en"),
        ("tell me about yourself", "zh", "zh"),  # a given language is reported as given
        ("tell me about yourself", "zh-CN", "zh"),
        ("你好", "en-US", "en"),
        ("tell me about yourself", "fr", "en"),  # an unknown one is ignored
    ],
)
def test_language(text, hint, language):
    assert detect(text, hint).language == language


def test_text_is_matched_in_its_own_language_whatever_the_session_language():
    english_in_chinese_session = detect("tell me about a time you failed", "zh")
    assert english_in_chinese_session.question_type == "behavioral"
    assert english_in_chinese_session.text == "tell me about a time you failed"
    chinese_in_english_session = detect("说一下你对微服务的理解", "en")
    assert chinese_in_english_session.question_type == "technical"


def test_mixed_text_is_matched_in_its_main_language():
    result = detect("can you explain 分布式事务", "zh")
    assert (result.is_question, result.language) == (True, "zh")
    assert result.text == "can you explain 分布式事务"
    assert detect("说一下 kubernetes 的 service mesh 是什么", "en").question_type == "technical"


def test_session_language_breaks_a_tie():
    # three Chinese characters against three English words: the text cannot tell
    assert clean("讲讲 kubernetes 的 service mesh", "zh") == "讲讲kubernetes的service mesh"
    assert detect("讲讲 kubernetes 的 service mesh", "zh").is_question


# --- clean() ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (
            "um so uh tell me about a time you you disagreed with your manager",
            "so tell me about a time you disagreed with your manager",
        ),
        (
            "Um, so, uh, Tell me about a time you, you disagreed with your manager.",
            "so tell me about a time you disagreed with your manager",
        ),
        ("tell me tell me about your your last project", "tell me about your last project"),
        ("so like what's the the difference", "so what's the difference"),
        ("it's you know pretty important", "it's pretty important"),
        ("do you know what a closure is", "do you know what a closure is"),
        ("i mean how would you scale it", "how would you scale it"),
        ("how would you dis- distribute the load", "how would you distribute the load"),
        ("  WHATS   the   DIFFERENCE  ", "what's the difference"),
        ("explain c++ templates and node.js streams", "explain c++ templates and node.js streams"),
        ("mm hmm", ""),
        ("嗯，那个，讲讲你上家公司最有挑战的项目。", "讲讲你上家公司最有挑战的项目"),
        ("嗯 那个 讲讲你上家公司最有挑战的项目", "讲讲你上家公司最有挑战的项目"),
        ("你你你之前在哪家公司", "你之前在哪家公司"),
        ("你之前 你之前在哪家公司", "你之前在哪家公司"),
        ("呃 说一下 Redis 的持久化", "说一下redis的持久化"),
        ("那个项目是你负责的吗", "那个项目是你负责的吗"),
        ("讲讲你的项目", "讲讲你的项目"),
        ("對對對", "对对"),
    ],
)
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


def test_detect_reports_the_cleaned_text():
    assert detect("Um, what's the, the difference?").text == "what's the difference"


# --- same_question() ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "tell me about a time you disagreed with your manager",
            "so um can you tell me about a time when you disagreed with your manager",
        ),
        ("how would you design a url shortener", "so how would you design um a url shortener"),
        ("What is dependency injection?", "what is dependency injection"),
        ("explain how kubernetes scheduling works", "explain how kubernetis scheduling works"),
        ("说一下你对微服务的理解", "你对微服务怎么理解"),
        ("嗯 讲讲你上家公司最有挑战的项目", "讲一下你上家公司最有挑战的项目"),
        ("說一下你對微服務的理解", "说一下你对微服务的理解"),
    ],
)
def test_same_question(a, b):
    assert same_question(a, b)
    assert same_question(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "tell me about a time you disagreed with your manager",
            "tell me about a time you failed",
        ),
        ("what is a closure", "what is a promise"),
        ("what is react", "what is react native"),
        ("how would you design a url shortener", "how would you design a chat application"),
        ("说一下你对微服务的理解", "说一下你对分布式事务的理解"),
        ("", ""),
        ("ok", "what is a closure"),
    ],
)
def test_not_same_question(a, b):
    assert not same_question(a, b)


@pytest.mark.parametrize(
    "text", ["So can you?", "why?", "说一下 呢", "like what", "um so could you"]
)
def test_a_question_with_no_subject_yet_is_told_apart(text: str) -> None:
    assert not has_subject(detect(text))


@pytest.mark.parametrize(
    "text", ["what is kubernetes", "说一下 redis", "tell me about yourself", "请做个自我介绍"]
)
def test_short_questions_with_a_subject_have_one(text: str) -> None:
    found = detect(text)
    assert found.is_question and has_subject(found)
