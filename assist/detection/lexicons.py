"""Word lists and phrase patterns the detector scores with, per language.

Data only: the modules that use a list compile it. English patterns are matched against
cleaned text (lowercase words separated by single spaces, no punctuation); Chinese ones
against cleaned clauses (no spaces, except between two Latin words). Items are written
``|``-separated so that one line holds many; an English item may be a regular expression.
"""

from __future__ import annotations


def _items(*chunks: str) -> tuple[str, ...]:
    """Plain words and phrases, many to a ``|``-separated line."""
    return tuple(item.strip() for chunk in chunks for item in chunk.split("|") if item.strip())


def _patterns(*patterns: str) -> tuple[str, ...]:
    """Regular expressions, kept whole (their ``|`` and spaces mean something)."""
    return patterns


# --- Cleaning ---------------------------------------------------------------------------

# Hesitations Whisper writes out. "mm hmm"/"uh huh" go too: the rest of an utterance
# made only of them is empty, which the detector reads as a backchannel.
EN_FILLERS = frozenset(
    _items("um|umm|ummm|uh|uhh|uhhh|uhm|erm|er|err|ah|ahh|eh|ehm|hmm|hmmm|hm|mm|mmm|mhm|mm-hmm")
)
# Leading "like"/"i mean" are fillers; "you know" is one unless it asks ("do you know").
EN_YOU_KNOW_ASKS_BEFORE = frozenset(
    _items("do|did|does|would|could|will|can|don't|didn't|if|let|what|whether|how|whatever")
)
EN_YOU_KNOW_ASKS_AFTER = frozenset(
    _items("what|how|why|where|when|which|who|whether|if|about|any|anything|much|more|enough")
)
# Whisper sometimes drops apostrophes; the patterns below are written with them.
EN_CONTRACTIONS = {
    "whats": "what's",
    "hows": "how's",
    "wheres": "where's",
    "whos": "who's",
    "thats": "that's",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "isnt": "isn't",
    "arent": "aren't",
    "havent": "haven't",
    "youre": "you're",
    "youve": "you've",
    "youll": "you'll",
    "youd": "you'd",
    "im": "i'm",
    "ive": "i've",
    "theyre": "they're",
    "gonna": "going to",
    "wanna": "want to",
}
# "lets" is "let's" only before these (else it is the verb: "it lets you cache").
EN_LETS_BEFORE = frozenset(
    _items("say|talk|move|start|go|discuss|dive|design|begin|imagine|assume|suppose|switch|get")
    + _items("look|jump|focus|see|try|do|think|pretend|chat|consider|dig|walk|build|wrap|kick")
)

# English words that mark a mixed utterance as English ("can you explain 分布式事务").
EN_FUNCTION_WORDS = frozenset(
    _items("the|a|an|is|are|was|were|be|you|your|i|we|it|this|that|what|how|why|when|where|which")
    + _items("who|can|could|would|will|should|do|does|did|have|has|tell|me|about|explain|describe")
    + _items("of|to|in|on|and|or|with|for|so|ok|okay|let's|walk|through|give|example|time|please")
)

# Hesitations in Chinese speech, removed wherever they are (额 only when not a word: 额度).
ZH_FILLER_PATTERN = r"[嗯呃唔哎唉诶欸]+|额(?![度外头])|啊+|哈哈+|呀(?=$)"
# Discourse fillers. 那个/这个/就是 are also words ("那个项目"), so they go only when they
# stand alone between pauses, or open a clause before one of ZH_AFTER_LEADING_FILLER.
ZH_STANDALONE_FILLERS = frozenset(
    _items("那个|这个|就是|就是说|然后|那|那么|所以|怎么说呢|怎么讲呢|你知道吧|对吧|是吧|好|呃")
)
ZH_LEADING_FILLERS = _items("那个|就是说|就是|然后|那么|嗯|所以说")
# What a leading filler must stand before to be one ("那个讲讲", not "那个项目", "然后呢").
ZH_AFTER_LEADING_FILLER = r"[你您我说讲谈聊问先再就请能如假为怎什]|介绍|解释|描述|分享|举"

# --- Not a question ---------------------------------------------------------------------

# An utterance made only of these (in any number) is an acknowledgement.
EN_ACK = _items(
    "ok|okay|k|alright|all right|right|sure|yes|yeah|yep|yup|huh|uh-huh|uh huh|oh|ah|wow",
    "got it|gotcha|got you|i got it|i see|i understand|understood|noted|cool|great|good|nice",
    "perfect|excellent|awesome|wonderful|fantastic|amazing|brilliant|lovely|super|sweet",
    "sounds good|sounds great|sounds fine|that sounds good|that sounds great|makes sense",
    "that makes sense|that make sense|makes total sense|makes a lot of sense|fair|fair enough",
    "interesting|very interesting|really interesting|that's interesting|that is interesting",
    "that's great|that's good|that's fine|that's cool|that's awesome|that's nice|that's perfect",
    "that's helpful|that's right|that's true|that's correct|that's fair|that's amazing",
    "correct|exactly|true|indeed|totally|absolutely|definitely|of course|certainly|no problem",
    "no worries|thanks|thank you|thank you so much|thanks so much|thanks a lot|thank you very much",
    "much appreciated|appreciate it|i appreciate that|sure thing|love it|good answer|great answer",
    "nice answer|good point|great point|fair point|very good|very nice|very cool|that helps",
    "go on|go ahead|keep going|please continue|continue|please go on|carry on|good stuff",
    "and|so|well|now|then|alright then|ok then|okay then|mm hmm|i hear you|got that|clear",
    "next question|moving on|let's move on|let's keep going|cool cool|yeah yeah|helpful|that's helpful|very helpful",
    "we're good|i think we're good|we're good on that|we're good on that one|that's enough|all good|that's all good|good enough",
    "thanks for sharing|thank you for sharing|thanks for explaining|thank you for explaining|thanks for that",
)
# Words that may sit between acknowledgements ("yeah no that totally makes sense").
EN_ACK_FILLERS = _items(
    "i think|super|really|very|so|totally|pretty|quite|that|that's|is|it|no|just|all|oh|also|yeah"
)
# Words that may open a question without changing it ("okay great so ..."); a cue right
# after them counts as one at the start.
EN_LEAD = EN_ACK + _items(
    "but|also|anyway|anyways|next|hey|hi|hello|let's move on to|moving on to|on that note",
    "my next question is|my next question|next question is|the next question is|the next one",
    "another question|one more question|last question|final question|a follow-up|follow-up",
    "follow up|as a follow-up|building on that|following up on that|to follow up|speaking of",
    "in that case|given that|if that's the case|like|i mean|you know|cool so|great so",
)
# Words after which a cue mid-sentence counts as starting a new clause.
EN_BOUNDARY = frozenset(
    _items("so|and|now|okay|ok|alright|then|but|anyway|next|also|well|great|thanks|right|cool")
)

EN_SMALL_TALK = _patterns(
    r"how are you(?: doing)?(?: today| this (?:morning|afternoon|evening))?(?! (?:going|gonna|planning|thinking|handling|approaching|able|familiar|comfortable|with|at|in|on|about|currently|looking|hoping|using|dealing|managing|feeling about))",
    r"how(?:'s| is| has) it (?:going|been going)|how(?:'s| is| are) (?:things|everything|life)(?: going| been)?",
    r"how(?:'s| is| has| was) (?:your|the) (?:day|week|morning|afternoon|evening|weekend|trip|flight|drive|commute|journey|holidays?|vacation|weather|traffic)(?: been| going| so far)*",
    r"how was (?:the )?(?:traffic|trip|flight|drive|commute|weekend|journey|holiday)",
    r"how have you been|how you doing|how you been|you doing (?:ok|okay|well|good)",
    r"(?:i )?hope you(?:'re| are)? (?:doing )?(?:well|good|great|ok|okay|fine)|hope (?:you had|your) (?:a )?(?:good|great|nice|lovely)",
    r"(?:did|do) you (?:have|get) (?:a )?(?:good|nice|great|lovely|relaxing|fun|restful|chance to relax) ?(?:weekend|day|week|morning|holiday|vacation|break|trip|time|lunch)?",
    r"did you (?:find|get to) (?:the |our |us|this |it|here)(?:office|building|place|room|location|way|okay|ok|alright| ok| okay)?|any trouble (?:finding|getting)",
    r"(?:nice|good|great|lovely|pleasure) (?:to )?(?:meet|see|talk to|chat with|finally meet) you|(?:it's )?(?:a )?pleasure to meet you",
    r"i (?:really )?(?:enjoyed|loved|liked) (?:our|the|this) (?:conversation|chat|talk|discussion)|good (?:morning|afternoon|evening)|(?:hi|hello|hey)(?: there| everyone| again| how are you)?",
    r"thanks? (?:you )?(?:so much |very much )?for (?:coming|joining|coming in|making (?:the )?time|taking (?:the )?time|being here|your patience|waiting|having me)",
    r"welcome(?: to (?:the|our) (?:interview|call|office|company|team)| aboard| back)?",
    r"where are you (?:calling|joining|dialing) (?:in )?from|where are you (?:based|located|living)(?: right now| now| these days| at the moment)?|what's the weather like|how's the weather|is it (?:cold|hot|warm|sunny|raining|snowing) (?:there|over there|where you are)",
    r"any (?:fun |big )?plans for the (?:weekend|holidays|summer|evening)|(?:did|do) you (?:do|get up to) anything (?:fun|interesting|nice)",
    r"(?:would you like|can i get you|do you want) (?:some |a )?(?:water|coffee|tea|drink|glass of water|anything to drink)",
    r"have a (?:good|nice|great|lovely) (?:day|weekend|evening|one|afternoon|rest of your day)|enjoy (?:your|the rest of your) (?:weekend|day|evening)",
    r"(?:are you )?(?:staying|keeping) (?:warm|cool|dry|busy|safe)|busy (?:day|week) (?:today|so far)",
)
EN_LOGISTICS = _patterns(
    r"(?:can|could|are|do) you (?:able to |still )?(?:hear|see) (?:me|us|it|my screen|the coderpad|the editor|the link|the chat|the screen|my|the document|the doc|the code|the editor|this|everything)",
    r"(?:can|could) you (?:unmute|turn on your|turn off your|repeat (?:that|the question)|speak up|move closer|try again|reconnect|rejoin|check your|share your screen|say that again)",
    r"(?:is|are) (?:you|my|the|your) (?:screen|audio|sound|video|voice|connection|microphone|mic|camera) (?:ok|okay|clear|visible|working|good|alright|coming through|on|loud enough)",
    r"(?:can|could) everyone (?:hear|see)|(?:am i|is it|is this) (?:audible|clear|coming through|breaking up|on mute|loud enough)",
    r"i (?:can't|cannot|can not|couldn't) (?:hear|see) you|you(?:'re| are) (?:on mute|muted|breaking up|frozen|cutting out|a bit quiet|very quiet|echoing|lagging)",
    r"(?:you|it|the call|the audio|the video) (?:cut|broke|froze|dropped|went) (?:out|up|off)|you (?:froze|disappeared|went quiet|dropped off|were frozen)|(?:i think )?you(?:'re| are)? (?:still )?on mute",
    r"(?:let me|i'll|i will|i'm going to|i am going to|going to|i'm just going to) (?:just )?(?:share|stop sharing|present|put up|pull up|open|paste|send|drop|post|copy|bring up|switch|turn on|turn off|mute|unmute|check|find|grab|look at|take (?:a )?note)",
    r"(?:share|sharing) (?:my|the|your) screen|(?:stop|start) (?:sharing|the recording|recording)",
    r"(?:the|my|your) (?:connection|internet|wifi|wi-fi|bandwidth|network|audio|mic|microphone|camera|video|headphones|headset) (?:is|seems|keeps|was|might|isn't|dropped|cut|froze)",
    r"(?:we|i) (?:have|'ve got|have got|got|only have|still have) (?:about |around |roughly |maybe |only |just |like )?(?:\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|forty five|fifty|sixty|ninety|an|a|half an) (?:more )?(?:minutes?|mins?|hours?)",
    r"(?:about |around |roughly )?(?:\d+|ten|fifteen|twenty|thirty|forty|forty five|fifty|sixty) (?:minutes|mins) (?:left|remaining|in total|today|for this|for questions)",
    r"in the interest of time|(?:we're|we are) (?:running|almost|nearly|coming up|just about) (?:out of |short on |low on |close to |on )?time|(?:running|run) (?:out of|short on|low on) time",
    r"(?:the )?next (?:round|stage|interview|call|conversation)|next steps?(?: in the process| are| will| would)|(?:the|our|your) (?:hiring|interview|recruiting) process",
    r"(?:you'll|you will|we'll|we will|the recruiter will|hr will|someone will|they'll|they will) (?:hear back|get back|be in touch|follow up|reach out|contact you|let you know|schedule)",
    r"let's (?:get started|start|begin|kick off|kick things off|get going|wrap up|wrap it up|call it)(?! with (?:your|you|a (?:quick |brief |short )?(?:intro|introduction|question)|an introduction|some questions|questions about))",
    r"(?:shall|should|can) we (?:start|begin|get started|get going|kick off)|(?:are you )?ready to (?:start|begin|get started|go|dive in)|is (?:now|this|it) (?:still )?(?:a )?good time",
    r"(?:the|today's) (?:format|agenda|plan|structure) (?:for today|of (?:the|this|today)|is|will)|(?:the|this|today's) (?:interview|call|session|meeting) (?:will|is going to|should|is scheduled|lasts|takes)",
    r"(?:do|did) you have any (?:other |more |final |last )?questions (?:for|about) (?:me|us|the role|the team|the company|the process)|any (?:other |more |final |last )?questions for (?:me|us)",
    r"(?:is there )?anything (?:else )?you(?:'d| would) like to (?:ask|add|know)|what questions do you have for (?:me|us)",
    r"(?:feel free to|don't hesitate to) (?:ask|interrupt|take|use|think|stop|jump|google)|if you have any questions|take (?:your|a|a few|a couple of) (?:time|moment|minute|minutes|second|seconds)",
    r"(?:give me|just|one|wait) (?:a |one )?(?:second|sec|moment|minute|min)|hold on|bear with me|sorry (?:about|for) the (?:delay|wait|noise|background noise|interruption)",
    r"(?:sorry )?(?:i'm|i am) (?:late|running late|just taking notes|taking notes|typing|writing this down)|(?:i'll|i will|i'm|i am) (?:be )?(?:taking|writing|jotting) (?:down )?(?:some )?notes",
    r"(?:the|a) (?:zoom link|meeting link|calendar invite|coderpad link|link to the)|(?:in|into|on|to) the (?:chat|coderpad|shared doc|google doc)",
    r"(?:that's|that is|that was) (?:all|everything|it|the end of|all of) (?:from me|for me|for today|i have|the questions|my questions|our questions)|(?:we're|we are) (?:at|out of|over) time",
    r"thanks? (?:you )?(?:so much |very much )?for your time|(?:it was|it's been|it has been) (?:nice|great|good|a pleasure|lovely) (?:talking|speaking|chatting|meeting)",
    r"(?:the way )?(?:our|the|this|today's) (?:interviews?|process|loop|session) (?:works?|is structured|will go|goes)|there (?:are|will be|'ll be) (?:\w+ )?(?:rounds|stages|interviews|parts)|whenever you're ready|when you're ready|ready when you are|take it away",
    r"does (?:that|this) (?:make sense|sound (?:good|ok|okay|fair|alright))|is (?:that|this) (?:clear|ok|okay|alright)|(?:any|do you have any) questions (?:so far|before we (?:start|begin|move on))|are we good|sound good",
    r"(?:let's|we'll|we will|we can|i'd like to|we should) (?:now )?(?:move on|switch|transition|jump|go|move|get) (?:on )?(?:to|into) (?:the|a|some|our) (?:\w+ )?(?:part|section|portion|round|questions|exercise|problem|stuff)|let's move on",
    r"i(?:'ll| will|'m going to| am going to) (?:give|send|show|paste) you (?:a|an|some|the|one) (?:\w+ )?(?:problem|question|exercise|task|scenario|challenge|link)|here's (?:the|a) (?:problem|question|exercise)",
    r"you (?:can|may|could) (?:use|pick|choose) (?:any|whatever|whichever|your)|you don't (?:have|need) to|(?:just )?think out loud|no need to",
    r"(?:we're|we are|we'll|we will|we) (?:hoping to|going to|plan to|aim to) (?:make a decision|get back|decide|wrap up)|make a decision by|you'll hear from|you will hear from",
    r"(?:talk|speak) to you soon|(?:we'll|we will|i'll|i will) (?:start|begin|spend|leave|save|reserve|wrap up|finish|do) (?:with )?(?:the |some |about |a few |a )?(?:\w+ )?(?:minutes|time|questions|coding|exercise|problem|part|section|round|technical part)",
)
EN_STATEMENTS = _patterns(
    r"(?:our|the) (?:team|company|group|org|organization|organisation|department|product|platform|stack|codebase|startup|office|mission|culture|process|clients|customers|business) (?:is|are|was|has|have|mostly|mainly|currently|really|basically|works|uses|builds|focuses|does|handles|will|would|consists|sits|reports|runs|sells|serves|just|recently)",
    r"(?:we|we're|we've) (?:are|have|use|do|work|build|mostly|mainly|currently|basically|really|recently|just|also|usually|typically|primarily|focus|sell|make|provide|offer|run|serve|hire|hiring|looking|building|growing|based|a|an|the|got|started|moved|migrated|launched|went|need|believe|value|care|try|don't|didn't)",
    r"what we(?:'re| are)? (?:do|build|make|offer|sell|focus on|work on|look for|looking for|need|value|care about|have|use)|what i(?:'m| am) (?:looking for|hoping)|how we (?:work|do|operate|run|build|handle|approach|organize|organise|structure|hire|ship)",
    r"(?:this|the) (?:role|position|job|team) (?:is|involves|would|will|requires|includes|focuses|sits|reports|has|was)|(?:you'd|you would|you'll|you will) (?:be )?(?:working|joining|reporting|responsible|part of|owning|leading|supporting|mostly|mainly|on the)",
    r"let me (?:tell you|give you|explain|describe|walk you through|introduce|share a bit|talk a bit|start by|quickly)|(?:i'll|i will|i'm going to|i am going to|i'd like to|i want to|i wanted to) (?:tell you|give you|explain|describe|walk you through|introduce|start by (?:telling|introducing|giving)|quickly)",
    r"(?:a (?:little|quick) )?bit about (?:myself|me|the team|the role|the company|us)|my name is|i'm the|i am the|i lead|i manage|i run|i head|i've been here|i have been here|i joined|i'm on the|i am on the|i'm part of",
    r"(?:just )?to give you (?:some |a bit of |a little )?(?:context|background|an idea|a sense|an overview)",
    r"(?:that's|that is|that was|this is|it's) (?:a |an )?(?:really |very |pretty |super |quite |such an? )?(?:interesting|great|good|nice|clever|solid|fair|valid|reasonable|neat|elegant|smart|common|creative|thoughtful|unique|different|thorough|detailed|helpful|useful|important|insightful|honest|mature|practical|sensible) (?:approach|point|answer|idea|solution|way|example|question|perspective|observation|take|design|choice|one|story|response|explanation|thing|insight|answer there)",
    r"(?:i|we) (?:really )?(?:like|love|appreciate) (?:that|how|the way|your)|(?:i think|i feel|i agree|i see what you mean|i guess|i suppose) (?:that|it|that's|this|you|we|so|the|a)",
    r"(?:interesting|great|nice|good|cool|fair|solid|clever) (?:approach|point|answer|idea|example|story|solution)|(?:that's|that is) (?:how|what|why|where|when) (?:we|i|our|a lot|most)",
    r"the (?:reason|thing) (?:i ask|i'm asking|we ask|is that)(?: is)?|(?:so )?basically we|(?:so )?essentially we|a lot of (?:people|candidates|teams)",
)

# Chinese: pleasantries, the call and process, the interviewer talking about the company.
ZH_SMALL_TALK = _patterns(
    r"最近(?:怎么样|忙吗|忙不忙|还好吗|好吗|在忙什么|挺忙|很忙|忙啥|过得|还好|身体)",
    r"吃(?:饭|午饭|晚饭|早饭|早餐|中饭)?(?:了)?(?:吗|没|么)|吃过(?:饭)?了?(?:吗|没)|(?:你好|您好|大家好|早上好|上午好|中午好|下午好|晚上好)",
    r"辛苦(?:了|你了|您了)|(?:路上|过来)(?:还)?(?:顺利|堵|好找|方便|远|累)|(?:周末|假期|国庆|春节|五一|十一|过年)(?:过得|玩得|去哪|怎么样|干什么|做什么|有什么安排|休息得)",
    r"(?:今天|最近|这两天)天气|天气(?:怎么样|不错|挺好|真好|很好|好热|好冷|挺冷|挺热|如何)|好久不见|幸会|久仰|很高兴(?:认识|见到)",
    r"(?:欢迎|很高兴|非常高兴)(?:你|您)?(?:来|参加|今天)|(?:感谢|谢谢)(?:你|您)?(?:今天)?(?:来|参加|抽空|百忙|过来|准时|的时间|能来)",
    r"(?:喝|来)(?:点|杯)(?:水|茶|咖啡)|(?:喝水|喝茶|喝咖啡)(?:吗)?|(?:今天|现在)(?:状态|心情)(?:怎么样|还好|好吗)|累不累|冷不冷|热不热|紧张吗|别紧张|不用紧张",
)
ZH_LOGISTICS = _patterns(
    r"(?:声音|音质|麦克风|话筒|耳机|音量)(?:清楚|清晰|正常|可以|ok|还好|有点|太|小|大|卡|断断续续|没问题|怎么样|好吗)?",
    r"听得(?:到|见|清)|听(?:不|没)(?:到|见|清)|能听(?:到|见|清)|听清楚|听到我|听见我",
    r"(?:看得|看不|看没|能看|可以看)(?:到|见|清)(?:我|吗|了吗|屏幕|画面|共享|$)",
    r"(?:共享|分享|投)(?:一下)?(?:我的|你的)?屏幕|屏幕共享|开(?:一下)?(?:共享|摄像头|视频|麦)|关(?:一下)?(?:摄像头|视频|麦)|摄像头|静音|闭麦|开麦|断线|掉线|卡(?:了|住了|顿)",
    r"(?:网络|网速|信号)(?:不好|不太好|有点|卡|断|差|不稳定|还好|怎么样|正常|好像)",
    r"(?:大概|大约|差不多|一共|总共|只有|还有|剩下|剩)(?:有)?(?:\d+|[一二三四五六七八九十两半]+)(?:个)?(?:分钟|小时|钟头)|(?:\d+|[一二三四五六七八九十两半]+)(?:个)?(?:分钟|小时)(?:左右|的时间|时间)",
    r"下一轮|下轮|下一面|二面|三面|终面|复试|hr面|面试流程|今天的流程|后续(?:的)?(?:流程|安排|面试|会|我们|hr|有)|接下来的(?:流程|安排)|之后的流程|时间安排",
    r"(?:等|会)(?:通知|联系|反馈)|(?:通知|联系)你|给你(?:答复|回复|反馈)|(?:面试|今天)(?:就)?(?:到这|到此|先到这|结束)|(?:今天|时间)差不多了|时间(?:有限|不多|关系|到了)",
    r"(?:我们|那|那我们)?(?:就)?(?:开始|正式开始)(?:面试)?(?:吧)|(?:可以|随便)用(?:任何|你熟悉的|自己熟悉的)|(?:这个问题|这题|这部分)(?:就)?(?:先)?到这|可以开始了(?:吗)?|准备好了(?:吗)?|现在方便(?:吗)?",
    r"(?:进入|开始)?下一(?:个)?(?:环节|部分|阶段)|(?:一共|总共|会有|共有)(?:[一二三四五六几两]|\d+)(?:轮|个环节|个部分)|问你(?:几个|一些|两个|三个)|再说一(?:遍|次)|重复一下|没听清|刚才没听|说一遍|稍等|等一下|等我一下|等一会|我看一下(?:你的)?简历|我找一下|我记一下|我记录一下|我打开|我翻一下|我先看一下",
    r"(?:你|您)?(?:还)?有(?:没有)?(?:什么|啥|其他|别的|任何)(?:问题)?(?:要|想)?(?:问|了解)(?:我|我们)?的?(?:吗|么)?|(?:你|您)?(?:还)?有(?:什么|啥|其他)问题(?:吗|么)",
    r"会议(?:链接|号|室)|腾讯会议|飞书|钉钉|zoom|在线编辑器|(?:如果|有)(?:什么|任何)?问题(?:可以|随时|的话)|随时(?:问|打断)",
)
ZH_STATEMENTS = _patterns(
    r"^(?:我们|咱们|我司|我们公司|我们团队|我们这边|我们部门|我这边|这边|公司|团队)(?:主要|目前|现在|平时|一般|其实|是|有|在|做|用|会|都|也|基本|大概|大部分|今年|去年|的话|呢|这边)",
    r"^我(?:是|叫|姓|负责|在|来自|目前|现在|主要)|^(?:这个|该)?(?:岗位|职位)(?:主要|需要|要求|是|会|的话|呢)",
    r"(?:挺|很|非常|蛮|特别|真|比较)(?:有意思|有趣|不错|好|棒|清楚|清晰|全面|详细|到位|专业|新颖|扎实)(?:的)?(?:思路|想法|回答|答案)?$",
    r"(?:思路|想法|回答|方案|方法|答案|理解|这个点|这点)(?:挺|很|非常|蛮|还|比较|特别)?(?:不错|好|清晰|有意思|到位|对|新颖|全面)",
    r"(?:给你|跟你|向你|和你)(?:简单|先)?(?:介绍|说|讲|聊|说明)|我(?:先|来|简单)(?:给你|跟你)?(?:介绍|说|讲|聊|说明)",
)
ZH_ACK = _items(
    "好的|好|好嘞|好吧|嗯|嗯嗯|明白|明白了|懂了|了解|了解了|清楚了|知道了|收到|对|对的|是的|是|没错",
    "没问题|可以|行|ok|okay|谢谢|谢谢你|谢谢您|感谢|原来如此|有道理|不错|很好|挺好|非常好|哦|噢",
    "这样啊|这样|确实|嗯好|好的好的|行行|行吧|可以可以|是啊|对啊|对呀|好呀|很棒|很不错|挺不错的",
    "ok的|好的谢谢|理解|理解了|我明白|我明白了|我知道了|我了解了|继续|你继续|请继续|接着说|嗯对",
    "这个意思|是这个意思|就是这个意思|没毛病|下一个问题|下一题|那我们继续|我们继续|那好|那行|好的好的|对对|明白明白|有意思|挺有意思",
)

# --- Question cues -----------------------------------------------------------------------

EN_WH = r"(?:what|how|why|when|where|which|who|whom|whose)"
EN_WH_CONTRACTED = r"(?:what's|how's|why's|where's|who's|what're|how're|what'll|how'd|what'd|why'd)"
EN_AUX = (
    r"(?:is|are|was|were|do|does|did|would|will|could|can|should|shall|might|may|have|has|had"
    r"|must|don't|doesn't|didn't|wouldn't|won't|can't|isn't|aren't|wasn't|weren't|haven't"
    r"|hasn't|shouldn't|couldn't)"
)
EN_YOU = r"(?:you|ya|u|yourself)"
EN_SECOND_PERSON = frozenset(
    _items("you|your|yours|yourself|yourselves|you've|you'd|you're|you'll|ya|u")
)

# Verbs that ask for an answer when they open a clause ("walk me through ...").
EN_REQUESTS = _patterns(
    r"tell (?:me|us)|walk (?:me|us) through|take (?:me|us) through|talk (?:me|us) through|run (?:me|us) through|talk (?:to me |to us )?about",
    r"explain|describe|compare|contrast|elaborate|expand (?:on|upon)|go (?:over|through|into)|clarify|justify|summari[sz]e|outline|define",
    r"give (?:me|us) (?:an?|some|one|two|three|your|the|a few|more|examples?)|give an example|share (?:an?|some|one|your|with|how|what|why|about|more|an example)|show (?:me|us)",
    r"introduce yourself|help (?:me|us) understand|teach me|convince me|sell me|remind me|fill me in|break (?:it|that|this) down",
    r"let's (?:talk|discuss|go through|dive into|dig into|design|build|say|look at|imagine|assume|suppose|pretend|walk through|focus on|start with (?:your|you|a quick|an intro))",
    r"imagine|suppose|supposing|assume|assuming|pretend|hypothetically|say (?:you|that you|your|a|an|we)|let's say",
    r"(?:could|can|would|will) you (?:please )?(?:tell|walk|explain|describe|talk|give|share|show|help|elaborate|expand|go|clarify|summari[sz]e|compare|design|implement|write|think|name|list|define|outline|take|run)",
    r"would you mind|would you be able to|are you able to|please|go ahead and (?:tell|explain|describe|talk|walk|share|introduce|start)",
    r"(?:i'd|i would) (?:like|love) (?:you to|to hear|to know|to understand|to learn|to see|to get|to ask|for you to)|i (?:want|wanted) (?:you to|to hear|to know|to understand|to learn|to ask)",
    r"(?:(?:the )?(?:thing|part|bit|question|one thing|what) )?(?:i'm|i am|i was) (?:curious|wondering|interested in hearing|interested to hear|interested to know)(?: about)?(?: is)?|curious (?:about|how|what|why|to hear|to know)|i wonder",
    r"my (?:first |next |last |final )?question (?:is|would be)|(?:a |one |quick |another )?question for you|what i'd like to (?:know|hear|understand|see)|what i want to (?:know|hear|understand)",
    r"in your (?:opinion|view|experience)|from your (?:perspective|experience|point of view)|(?:any|your) thoughts (?:on|about)|what are your thoughts",
)
# Task verbs that are a request only with an object ("design a url shortener").
EN_TASKS = (
    r"(?:design|implement|write|build|create|code|solve|find|sort|reverse|pick|choose|identify|estimate"
    r"|calculate|sketch|draw|debug|optimi[sz]e|model|architect|list|name|rank|rate|test|fix"
    r"|refactor|review|analy[sz]e|plan|propose|prioriti[sz]e|return|print|output|count|determine|merge"
    r"|check|convert|detect|remove|rotate|validate|generate|parse|compute|group|flatten|traverse|insert"
    r"|delete|search|split|encode|decode) (?:a|an|the|me|us|some|two|three|this|that"
    r"|these|those|your|how|what|whether|one|all|every|each|between)"
)
# A whole clause that asks a short follow-up ("why", "how so", "like what").
EN_FOLLOW_UPS = _items(
    "why|how|how so|how come|why is that|why not|why so|in what way|such as|like what|for example",
    "for instance|and then|then what|what else|anything else|and why|and how|what do you mean",
    "what does that mean|how do you mean|what happened|what happened next|what happened then",
    "what was the result|what was the outcome|which one|which ones|and what about|what about you",
    "and you|how many|how much|how long|how often|meaning|and the result|such as what|why that",
)
EN_TAGS = r"(?:right|correct|yeah|is that right|is that correct|am i right|isn't it|don't you|didn't you|or not|or no|no)$"
EN_HYPOTHETICAL_IF = (
    r"if you (?:were|had|could|found|noticed|discovered|saw|realized|realised|got|joined|inherited"
    r"|disagreed|are asked|were asked|had to|needed|need|have to|are given|were given|get|find"
    r"|notice|see|join|only had|learned|learnt|heard|received|receive)"
)

ZH_PARTICLES_END = r"(?:吗|呢|么|嘛)$"
ZH_WEAK_PARTICLES_END = r"(?:吧|对吧|是吧|对不对|是不是)$"
ZH_WH = (
    r"什么|啥|怎么|怎样|怎么样|为什么|为何|为啥|哪|如何|多少|多久|多长|多大|几(?:个|年|次|种|点|天|位|家|轮|层|步)"
    r"|是否|有没有|有木有|是不是|能不能|会不会|可不可以|可以不可以|要不要|对不对|行不行|好不好|有哪些|怎么办|何时|谁"
)
# Uses of question words that ask nothing ("什么都做", "这就是为什么").
ZH_WH_NOT_ASKING = (
    r"什么都|什么也|没什么|不怎么|怎么说呢|怎么讲呢|不知道为什么|就是为什么|多多少少|或多或少|哪儿都|哪里都"
    r"|谁都|好几|没有什么|不管怎么|无论如何|无论什么|不管什么|要什么有什么|怎么都|不管是谁|不知道怎么"
)
# Request verbs; those in ZH_SELF_VERBS are also what the interviewer does ("我先介绍一下").
ZH_REQUESTS = (
    r"(?:说|讲|谈|聊|介绍|解释|描述|分享|分析|总结|比较|对比|阐述|概括|说明|演示|展示|证明|推导|估算|回顾)(?:一下|下|一说|一讲|一谈|一聊)"
    r"|说说|讲讲|谈谈|聊聊|(?:讲|说|分享|谈|举)(?:一|1)?(?:个|次|段|件)|举例|展开(?:讲|说|聊)|具体(?:讲|说|聊)|详细(?:讲|说|聊)"
    r"|(?:画|写|设计|实现|手写|优化)(?:一下|一个|一段)|请(?:你|您)|麻烦(?:你|您)|你来(?:说|讲|介绍|谈|聊|回答|设计|写)"
    r"|(?:给|跟|和|向)(?:我|我们)(?:讲|说|介绍|解释|聊|谈|分享|描述)|你(?:能|可以|能否)(?:讲|说|介绍|解释|谈|聊|分享|描述|举)"
    r"|你觉得|你认为|你怎么看|你如何看待|你的看法|你对.{1,24}?(?:的)?(?:理解|看法|认识|了解|想法|见解|经验)"
    r"|自我介绍|给定|找出|求出|返回(?:一个|所有|第)|我想(?:听|了解|知道|问|请你)|想请你|想问(?:一下)?|问(?:一下|你一个问题)|我的问题是|回答一下|想一想|想想看|思考一下"
)
ZH_SELF_VERBS = "说讲谈聊介绍解释描述分享说明演示展示回顾总结"
ZH_HYPOTHETICAL = r"假如|假设|假使|如果|要是|万一|设想|想象一下|比如说你|比方说"
# A bare noun phrase is a question in Chinese interviews ("hashmap的底层原理").
ZH_TOPIC_END = r"(?:的)?(?:区别|原理|理解|优缺点|优势和劣势|作用|实现原理|底层实现|底层原理|机制|应用场景|使用场景|适用场景|用法|特点|特性|概念|定义|流程|过程)$"
ZH_SECOND_PERSON = "你您"

# --- Question type -------------------------------------------------------------------------

# The candidate's self, motivation and career: behavioral whatever else is said.
EN_SELF = _patterns(
    r"(?:tell|talk) (?:me|us) (?:a (?:little |bit )?(?:bit )?|a bit |little )?(?:more )?about yourself|(?:introduce|describe|summari[sz]e) yourself|who are you",
    r"(?:walk|take|talk|run) (?:me|us) through your (?:background|resume|cv|career|experience|journey|path|profile|history)",
    r"(?:tell (?:me|us)|talk) (?:a bit |a little |a little bit )?(?:more )?about your (?:background|experience(?! (?:with|in|using|on|of|building))|career|journey|current role|last role|previous role|role at|time at|current job|last job)",
    r"(?:your|greatest|biggest|main|key|top|three|weakest|strongest) (?:strengths?|weakness(?:es)?|weak points?|strong points?|areas? (?:of|for) (?:improvement|development|growth))",
    r"(?:greatest|biggest|proudest|best) (?:achievement|accomplishment|success|regret|lesson)|(?:most )?proud of|proudest moment",
    r"why (?:do|did|would) you (?:want|like|wish) to (?:work|join|be|become|leave|apply|move|switch|change|go)|why (?:did|do) you (?:decide|choose|pick) (?:to (?:join|apply|leave|work|become|study|move|switch|change|go into)|this|our|us|a career|engineering|teaching|nursing|sales|marketing)|why (?:did|do|would) you (?:apply|leave|quit|resign)|why (?:are|were) you (?:leaving|looking|interested|applying|considering|thinking of)",
    r"why (?:this|our|the) (?:company|role|position|job|team|industry|field|career)|why us|why here|why should we (?:hire|pick|choose) you|what makes you (?:a good fit|the right|unique|stand out|different)",
    r"what (?:made|makes) you (?:want|interested|apply|decide|choose|leave|switch|move)|reason for leaving|why (?:did|do) you (?:leave|want to leave|switch|change)",
    r"where do you see yourself|your (?:career )?(?:goals|aspirations|ambitions|plans for the future)|(?:five|5|ten|10) years from now",
    r"what (?:motivates|drives|excites|inspires|energi[sz]es|frustrates) you|what are you (?:passionate|looking for|proud|most proud|hoping)|what do you (?:enjoy|dislike|value|look for in|like (?:most )?about (?:your|working))",
    r"what do you know about (?:us|our|the company|this company)|how would (?:your )?(?:colleagues|manager|coworkers|friends|team|boss|peers|teammates|former manager|direct reports) describe you",
    r"how would you describe (?:yourself|your (?:style|leadership|management|working|work|communication|personality))|your (?:leadership|management|working|work|communication|learning|decision[- ]making|teaching|coaching|feedback) style",
    r"how (?:big|large) (?:is|was) (?:your|the) team|how many people (?:are|were) (?:on|in) (?:your|the|that) team|salary expectations|expected salary|notice period|(?:free|spare) time|for fun|hobbies|outside (?:of )?work",
    r"what kind of (?:work environment|team|manager|culture|company|role|people) (?:do you|are you|would you)|what (?:are|would be) your (?:ideal|dream) (?:job|role|team|manager)",
)
# Past-experience framing (STAR): behavioral even about technical work.
EN_STAR = _patterns(
    r"(?:tell (?:me|us)|talk) about (?:a|an|one|some|any) (?:time|situation|occasion|instance|moment|case|period)",
    r"(?:describe|share|give (?:me|us)|walk (?:me|us) through|recall|think of|think about|name|talk about|tell me) (?:a|an|one|some) (?:time|situation|occasion|instance|moment|case|experience)",
    r"(?:have|has|did) you ever|can you (?:think of|recall|remember) (?:a|an|one|some|the last)|a time (?:when |where |that )?you|when was the last time you|an example of a (?:time|situation)",
    r"(?:tell|talk) (?:me|us) about (?:a|an|the|one) (?:mistake|failure|conflict|setback|disagreement|difficult (?:person|colleague|coworker|customer|client|conversation|decision))",
)
# Weaker past framing: behavioral unless it is about a technical subject ("the hardest
# bug you fixed", "an example of when you would use a mutex").
EN_STAR_WEAK = _patterns(
    r"what(?: was| is|'s| has been) (?:the|your) (?:most|biggest|hardest|toughest|greatest|best|worst|largest|most difficult|most challenging|proudest)|the (?:most|hardest|toughest) \w+ (?:you've|you have) (?:ever )?(?:faced|had|made|handled|worked|solved|fixed)",
    r"(?:would|'d) you (?:do|have done) (?:anything |things |it )?differently|what would you have done|in hindsight|in hindsight|looking back|in retrospect|what did you (?:learn|take away|do about|do next|do then|change)|(?:in|at) your (?:last|previous|current|past|former|prior) (?:role|job|position|company|team|organi[sz]ation|workplace|employer)",
    r"(?:tell|talk) (?:me|us) about (?:a|an|the|one) (?:challenge|decision|problem|accomplishment|achievement|initiative|project you|team you)|an example (?:of )?(?:when|where|of how you)",
    r"(?:are you|you're|you are) (?:currently|still) (?:at|with|working)|your current (?:role|job|company|position|team|employer)",
    r"what was the (?:outcome|result|impact|end result)|how did (?:it|that) (?:go|turn out|end)|what happened (?:next|then|after that|in the end)",
    r"your (?:role|responsibilities|contribution|part) (?:in|on|at|there|was)|were you responsible|what (?:were|was) you responsible|what did you (?:own|work on|do there|do at)",
)
# Weaker past/self framing: behavioral unless the subject is technical.
EN_PAST_SELF = _patterns(
    r"how did you (?:handle|deal|cope|manage|resolve|respond|react|approach|overcome|convince|persuade|motivate|get|make sure|ensure|balance|prioriti[sz]e|decide|communicate|feel|learn|grow|adapt|adjust|recover)",
    r"what did you do|did you (?:ever|have to|manage|lead|disagree|learn)|you (?:led|managed|handled|faced|disagreed|failed|learned|learnt|mentored|convinced|persuaded|worked with a)",
    r"how do you (?:usually |typically |normally |generally )?(?:handle|deal with|cope with|manage|stay|keep|motivate|approach|react|respond|prioriti[sz]e|balance|make decisions|give|receive|take|build|work with|resolve|learn)",
    r"give (?:me|us) an example|for example|an example of",
)
EN_SITUATIONAL = _patterns(
    r"what would you do|what (?:would|will) you (?:say|tell|do first|prioriti[sz]e|change|focus on)|what would (?:be )?your (?:first|next|immediate) (?:step|steps|move|priority|action|reaction)",
    r"(?:how|what) you(?:'d| would) (?:do|handle|deal|respond|react|approach|manage|resolve|tackle|say|tell|prioriti[sz]e|onboard|support|help|lead|change)|how would you (?:handle|deal|respond|react|approach(?! (?:this|the|that) (?:problem|question|exercise|task|one))|manage|resolve|tackle|go about(?! (?:this|the|that) (?:problem|question|exercise|task))|explain|address|navigate|convince|persuade|communicate|prioriti[sz]e|proceed|decide|support|help|motivate|lead|deliver|tell|explain it|break the news|push back|escalate|get|make sure|balance|follow up|prepare)",
    r"how (?:will|are) you going to|imagine|suppose|supposing|assume|assuming|pretend|hypothetically|let's say|say (?:that )?(?:you|your|a|an|the|we|there|someone)|what if",
    r"you(?:'ve| have) (?:only |just )?(?:\w+ ){1,2}(?:weeks?|days?|hours?|months?|minutes?) to|you(?:'re| are) (?:faced|given|asked|assigned|told|put|leading|managing|in charge|on call|the only|new to|about to|halfway)|you (?:notice|discover|find out|realize|realise|hear|inherit|just joined|are asked|have been asked|are given)",
    r"your (?:manager|boss|team lead|lead|colleague|coworker|client|customer|teammate|director) (?:asks|tells|wants|gives|says|insists|disagrees|assigns|is|has|keeps|suddenly)|a (?:customer|client|colleague|coworker|teammate|stakeholder|patient|student|parent|manager|junior|senior|key customer|new hire|team member) (?:calls|comes|asks|tells|complains|says|is|has|wants|demands|emails|insists|refuses|disagrees|reports|keeps)",
    EN_HYPOTHETICAL_IF,
)
# Knowledge and the technical details of one's own work.
EN_TECH_FORMS = _patterns(
    r"what (?:is|are|'s) (?:a|an|the)? ?(?!your|you|yours|something|anything|one|it|that|this|there)\w+|what's (?:a|an|the) (?!your)\w+|what are (?:the|some)? ?(?:differences?|benefits|advantages|disadvantages|pros|cons|types|main|key|common|best practices)",
    r"differences? between|how (?:does|do|is|are) (?!you\b)\w+|what happens (?:when|if)|pros and cons|trade-?offs?|advantages|disadvantages|best practices?|under the hood",
    r"when (?:would|should|do) (?:you|we|one) use|why (?:would|should|do) (?:we|you|one) use|what does \w+(?: \w+)? (?:mean|stand for|do)|how to|time complexity|walk (?:me|us) through how",
    r"what (?:\w+ ){0,2}did you (?:use|choose|pick|go with)|which (?:\w+ ){0,2}(?:did|would|do) you (?:use|choose|pick|recommend|prefer)|what (?:tools|stack|tech stack|framework|frameworks|language|languages|database|databases)",
    r"how did you (?:implement|design|build|architect|scale|test|deploy|store|model|structure|optimi[sz]e|monitor|migrate|secure|set up|configure|integrate|calculate|code|debug|tune|automate)",
    r"find out why|track (?:it|this|that) down|step by step|edge cases?|(?:this|that|the|your) (?:problem|exercise|solution|function|algorithm|code|approach) (?:faster|work|scale)|(?:this|your|the) (?:solution|algorithm|function|code)|runtime|speed up|make (?:it|\w+) faster|improve (?:the )?performance|reduce (?:the )?latency|what was (?:the|your) (?:architecture|stack|tech stack|design|data model|schema|approach to|setup|pipeline|infrastructure)|explain (?:how|what|the|why|a|an)|how (?:would|do|did) you (?:design|implement|build|architect|scale|test|store|model|structure|optimi[sz]e|measure|monitor|secure|calculate|debug|index|cache|code)",
)
EN_TECH_VERBS = frozenset(
    _items("design|implement|build|architect|optimize|optimise|scale|store|query|index|cache|shard")
    + _items("debug|deploy|migrate|refactor|train|code|program|encrypt|configure|monitor|tune")
    + _items("benchmark|profile|compute|calculate|normalize|partition|replicate|parse|compile")
    + _items("serialize|test|automate|model|structure|implemented|designed|built|deployed|used")
    + _items("troubleshoot|diagnose|investigate|profiled|debugged|optimized|optimised|scaled")
)
# Technical subjects: software, and the professions the product serves. Looked up as
# single words; EN_TECH_PHRASES holds the ones of several words.
EN_TECH_TERMS = frozenset(
    _items(
        "api|apis|traffic|login|architecture|architectural|infrastructure|row|rows|column|columns|rest|restful|graphql|grpc|rpc|http|https|tcp|udp|dns|ip|ssl|tls|cdn|websocket|websockets",
        "database|databases|db|sql|nosql|mysql|postgres|postgresql|mongodb|mongo|redis|cassandra|dynamodb|sqlite|oracle|elasticsearch",
        "index|indexes|indices|indexing|query|queries|schema|schemas|table|tables|joins|transaction|transactions|acid|normalization",
        "cache|caching|cdn|queue|queues|kafka|rabbitmq|sqs|pubsub|microservice|microservices|monolith|serverless|lambda|kubernetes|k8s",
        "docker|container|containers|aws|gcp|azure|cloud|terraform|ansible|ci|cd|ci/cd|pipeline|pipelines|jenkins|git|github|devops",
        "algorithm|algorithms|complexity|recursion|recursive|array|arrays|hashmap|hash|hashing|tree|trees|graph|graphs|heap|linked",
        "sorting|binary|bfs|dfs|programming|pointer|pointers|memory|thread|threads|threading|concurrency|concurrent|async",
        "asynchronous|mutex|deadlock|lock|locks|latency|throughput|scalability|scalable|scaling|sharding|replication",
        "consistency|partition|balancer|balancing|failover|idempotent|idempotency|limiter|oauth|jwt|authentication",
        "authorization|encryption|xss|csrf|injection|vulnerability|security|firewall|linux|unix|bash|shell|kernel|compiler|runtime|jvm",
        "java|python|javascript|typescript|golang|rust|c++|c#|kotlin|swift|scala|ruby|php|react|vue|angular|node|node.js|django|flask",
        "spring|rails|laravel|frontend|backend|css|html|dom|browser|closure|closures|promise|promises|callback|callbacks|hooks|redux",
        "oop|polymorphism|inheritance|encapsulation|abstraction|interface|interfaces|generics|decorator|decorators|lambda",
        "singleton|mvc|orm|integration|testing|tests|tdd|mock|mocking|debugging|profiling|logging|monitoring",
        "model|models|overfitting|regression|classification|neural|gradient|embedding|embeddings|llm|transformer",
        "dataset|datasets|etl|spark|hadoop|warehouse|snowflake|bigquery|airflow|pandas|numpy|tableau|vlookup|pivot|dashboard",
        "statistics|statistical|p-value|variance|a/b|hypothesis|metric|metrics|kpi|kpis|sla|slo|uptime|outage|incident|rollback|deployment",
        "server|servers|client-server|endpoint|endpoints|protocol|bandwidth|network|networking|router|subnet|vpc|encryption|hashing",
        "ios|android|mobile|sdk|framework|library|bug|bugs|production|versioning|migration|refactoring|code",
        # professions: nursing, accounting, sales, teaching, marketing, HR
        "patients|medication|medications|dosage|dose|triage|vitals|iv|sepsis|charting|infection|wound|nursing|clinical|diagnosis",
        "ledger|reconciliation|reconcile|accrual|accruals|depreciation|amortization|gaap|ifrs|audit|auditing|tax|taxes|payable|receivable",
        "invoice|invoices|revenue|expense|expenses|budgeting|forecast|forecasting|valuation|ebitda|intercompany",
        "quota|prospecting|prospect|prospects|crm|salesforce|upsell|upselling|churn|pipeline|funnel|objection|objections",
        "curriculum|classroom|pedagogy|assessment|assessments|grading|differentiation|differentiated|syllabus|literacy",
        "seo|sem|campaign|campaigns|conversion|conversions|ctr|roi|branding|segmentation|persona|personas|newsletter|ads",
        "onboarding|payroll|compliance|recruiting|recruitment|retention|benefits|compensation|headcount|labor|labour|appraisal|sourcing",
    )
)
EN_TECH_PHRASES = _patterns(
    r"system design|data structure|data structures|big o|linked list|binary search|hash (?:map|table)|design pattern|race condition|garbage collection",
    r"load balancer|cap theorem|event loop|virtual dom|state management|unit tests?|code review|pull request|rest api|message queue|rate limit(?:er|ing)?",
    r"machine learning|deep learning|neural network|feature engineering|data pipeline|data model|data warehouse|sql injection|url shortener|parking lot",
    r"balance sheet|income statement|cash flow|journal entry|general ledger|accounts (?:payable|receivable)|month-end close|revenue recognition",
    r"sales cycle|cold call(?:ing)?|objection handling|lesson plan|classroom management|learning objectives|care plan|vital signs|infection control",
    r"performance review|employee relations|talent acquisition|conversion rate|customer acquisition|a/b test(?:ing)?|social media strategy|brand awareness",
)
# Technical words common enough outside a technical question to count half.
EN_TECH_TERMS_WEAK = frozenset(
    _items("production|bug|bugs|code|metric|metrics|incident|outage|deployment|campaign|campaigns")
    + _items("release|version|data|system|systems|tests|testing|content|ads|budgeting|forecast")
)
# Words about people and the workplace: a hypothetical about them is situational.
EN_PEOPLE = frozenset(
    _items(
        "manager|boss|coworker|co-worker|coworkers|colleague|colleagues|teammate|teammates|supervisor",
        "stakeholder|stakeholders|peer|peers|mentor|junior|senior|leadership|ceo|executive|director",
        "conflict|disagree|disagreed|disagreement|argument|feedback|criticism|mistake|deadline",
        "deadlines|pressure|stress|stressful|priorities|motivate|persuade|convince|ethical|unethical",
        "culture|upset|angry|unhappy|difficult|team|teams|boss's|parent|parents|buy-in|others",
    )
)

# The Chinese counterparts of the English lists above.
ZH_SELF = (
    r"自我介绍|介绍(?:一下|下)?(?:你)?自己|介绍(?:一下|下)?你的(?:背景|经历|工作经历|履历)|(?:你|自己)(?:的|最大的|最突出的|有什么|有哪些)(?:优点|缺点|优势|劣势|长处|短处|优缺点)"
    r"|为什么(?:想|要|会)?(?:来|加入|选择(?:我们|这|本|我司|加入|来|做|当|从事)|投|应聘|离开|离职|跳槽|换工作|辞职)|离职(?:的)?原因|职业规划|未来(?:[一二三四五几两]|\d+)年|你的(?:目标|规划|期望薪资|兴趣|爱好)"
    r"|期望薪资|期望的薪资|薪资期望|(?:目前|现在)?在职|到岗|(?:什么时候|多久)能入职|对(?:我们|我们公司|这个岗位|这个职位|我们团队)(?:有什么|有多少|的)?了解|(?:同事|别人|领导|朋友)(?:会)?怎么评价你|怎么评价(?:你)?自己"
    r"|你的(?:性格|特点|风格)|最(?:有成就感|自豪|骄傲|得意)|业余(?:时间|爱好)|(?:看|读)(?:什么|哪些)书|兴趣爱好|(?:你们|你的)(?:现在|之前|当时)?(?:的)?团队(?:有)?(?:多少|几个)人|平时(?:喜欢|有什么爱好)|为什么(?:我们|要)?(?:录用|选)你"
)
ZH_STAR = (
    r"经历|有没有(?:遇到|碰到|经历|处理|做过|带过|犯过|和|跟|哪次|哪一次|一件|一次|什么事)|遇到过|碰到过|经历过|曾经|有哪次|哪一次"
    r"|(?:讲|说|分享|谈|描述)(?:一下|一个|一次|一段|个|次)?.{0,20}?(?:事情|情况|故事)"
)
ZH_STAR_WEAK = (
    r"(?:之前|以前).{0,14}?(?:的时候|时)|你在.{1,12}?(?:的时候|期间)|(?:上一家|上家|之前的|以前的|原来的)(?:公司|单位|团队|岗位|工作)|上一份工作"
    r"|最(?:有挑战|具挑战|难|困难|棘手|大的挑战|大的困难|大的收获|成功|失败|满意|遗憾)|(?:讲|说|分享|举|谈|描述)(?:一下|一个|一次|一段|个|次)?.{0,20}?例子"
    r"|踩过的|做过的最|排查过的|解决过的|(?:主要|具体)?负责(?:什么|哪|的是)|你的(?:角色|职责)|(?:扮演|担任|承担)(?:的是)?(?:什么|哪种|怎样的|哪个)?(?:样的)?角色|你(?:之前|以前|当时)?在.{1,16}?(?:负责|担任|做什么)"
)
ZH_TECH_TERMS_WEAK = (
    r"数据|上线|线上|系统|性能|代码|测试|指标|报表|业绩|网络|优化|转化|流量|日志|监控"
)
ZH_PAST_SELF = (
    r"你(?:是|一般|通常|平时|往往|之前|当时)?(?:怎么|如何)(?:处理|应对|解决|平衡|说服|适应|协调|做到|扛|学习|决定|改进|推动|带|沟通|管理|安排|面对|激励|汇报|调整)"
    r"|举个例子|举一个例子|举例"
)
ZH_SITUATIONAL = (
    r"假如|假设|假使|如果|要是|万一|设想|想象|你会怎么|你会如何|你该怎么|你应该怎么|你打算怎么|你要怎么|会怎么办|怎么办"
    r"|你(?:发现|接手|刚接手|被调|被指定|被要求)|(?:领导|上级|老板|经理)(?:让|要求|交给|给)你|(?:客户|同事|家长|病人|学生)(?:提出|打电话|投诉|要求|跟你|向你|求你)"
)
ZH_TECH_FORMS = (
    r"什么是|是什么|区别|原理|底层|实现|机制|优缺点|怎么实现|如何实现|如何设计|怎么设计|设计一个|怎么优化|如何优化|的作用|什么作用|场景|怎么理解|源码"
    r"|为什么.{0,10}?(?:快|慢|要用|需要|不能|会|安全|高效)|你对.{1,24}?(?:的)?(?:理解|了解|认识)|有哪些(?:方法|方式|手段|类型|指标|区别)"
    r"|这道题|这个题|解法|解题|思路|排查|定位|调优|扩容|扩展|搭建|部署|迁移|监控|调试|压测|怎么设计|如何设计|用过(?:哪些|什么)|用的(?:什么|哪个|哪种|是什么)|为什么(?:选|用)(?:了)?(?!我们|这家|这个公司|本公司)|怎么保证|如何保证|怎么解决|如何解决|怎么处理.{0,6}?(?:并发|数据|请求|异常|错误)"
)
ZH_TECH_TERMS = (
    r"微服务|数据库|索引|缓存|分布式|高并发|并发|线程|进程|协程|锁|事务|隔离级别|算法|数据结构|链表|二叉树|红黑树|哈希|排序|复杂度|内存|垃圾回收"
    r"|虚拟机|网络|协议|接口|系统|短链|框架|源码|底层|架构|设计模式|消息队列|负载均衡|容器|部署|集群|中间件|前端|后端|闭包|原型链|事件循环|异步|同步|多态"
    r"|继承|封装|面向对象|反射|注解|泛型|秒杀|限流|熔断|降级|分库分表|主从|读写分离|一致性|幂等|序列化|性能|优化|调优|机器学习|模型|深度学习|神经网络"
    r"|过拟合|梯度|特征|训练|损失函数|准确率|召回率|正则化|微调|大模型|向量|检索|推荐系统|大数据|数据仓库|单元测试|自动化测试|上线|线上|代码|编程|查询|存储|服务器|运维|监控|日志|加密|鉴权|权限|持久化"
    r"|死锁|栈|堆内存|指针|递归|动态规划|二分|回滚|灰度|容灾|备份|宕机|延迟|吞吐|扩容|高可用|系统设计|数据|报表|指标|埋点"
    r"|患者|护理|护士|交班|抢救|病情|生命体征|用药|输液|医嘱|分诊|病历|会计|财务报表|资产负债表|利润表|现金流|折旧|对账|审计|税务|凭证|应收|应付|权责发生制|结账|预算"
    r"|销售漏斗|客户开发|陌生电话|成单|转化率|转化|业绩|客单价|复购|教案|课堂管理|教学设计|因材施教|备课|课程|教学|作业|课堂|学科|上课|营销|品牌|投放|用户画像|私域|流量"
    r"|招聘|绩效|薪酬|劳动法|员工关系|培训体系|入职|社保|人才|简历筛选"
)
# Latin words inside Chinese speech are nearly always technical terms; these are not.
ZH_LATIN_NOT_TECH = frozenset(
    _items("ok|okay|hr|offer|ppt|hello|hi|bye|yes|no|ceo|boss|app|leader")
)
# What a question about the candidate's own conduct is about (rather than a skill).
EN_CONDUCT = frozenset(
    _items(
        "stress|stressed|motivated|motivation|motivate|prioritize|prioritise|priorities|conflict"
    )
    + _items(
        "failure|failures|mistake|mistakes|feedback|criticism|deadline|deadlines|workload|organized"
    )
    + _items(
        "organised|productive|career|goals|yourself|weaknesses|strengths|pressure|disagreement"
    )
    + _items("ambiguity|setbacks|rejection|burnout|emotions|frustration|uncertainty")
)
ZH_CONDUCT = r"学习|新东西|新技术|成长|压力|动力|优先级|冲突|失败|犯错|反馈|批评|截止|工作量|职业|情绪|挫折|不确定"
ZH_PEOPLE = r"领导|上级|老板|经理|同事|家长|下属|新人|冲突|矛盾|分歧|压力|说服|批评|主管"

# --- Same question ----------------------------------------------------------------------

# How a question is asked rather than what about: ignored when comparing two questions.
SAME_QUESTION_EN_FRAMING = _items(
    "a|an|the|of|to|in|on|at|for|and|or|with|from|by|as|about|into|is|are|was|were|be|been",
    "do|does|did|have|has|had|would|could|can|will|should|shall|may|might|must|you|your",
    "yours|yourself|i|me|my|we|us|our|it|its|this|that|these|those|there|what|how|why|when",
    "where|which|who|whom|so|ok|okay|um|uh|well|now|then|just|really|please|tell|explain",
    "describe|walk|through|give|talk|share|example|let's|say|some|any|one|again|sorry",
    "question|mean|like|know|think|kind|sort|bit|little|more|also",
)
SAME_QUESTION_ZH_FRAMING = (
    r"说一下|说说|讲一下|讲讲|谈谈|谈一下|聊聊|聊一下|介绍一下|解释一下|描述一下|分享一下|一下|请你|请|能不能|可以|"
    r"你们|你|您|我们|我|的|了|吗|呢|吧|啊|呀|嘛|么|是|那|就|再|一个|问题|怎么|如何|什么|为什么"
)

# --- Competencies -------------------------------------------------------------------------

# Keywords per competency; a word's weight is 2 unless it is listed as generic (1). The
# order breaks ties: the more specific competencies come first.
COMPETENCY_KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "ethics": _items(
            "ethical|ethics|unethical|integrity|honest|dishonest|honesty|lie|lied|cheat|bend a rule|bend the rules|cut corners|cut a corner|confidential|gift|harass|unsafe|unfair|report it|inflat|fraud|misconduct|whistle|hold back|profit target|promise a feature|secret|harmed|competitor"
        ),
        "conflict": _items(
            "conflict|disagree|disagreed|disagreement|argument|argue|clash|tension|friction|dispute|confront|criticis|criticiz|push back|pushback|difficult coworker|difficult colleague|not getting along|stopped cooperating"
        ),
        "failure": _items(
            "fail|failed|failure|mistake|mistakes|went wrong|gone wrong|regret|setback|went badly|fell short|missed|didn't go|lesson learned|error you made"
        ),
        "influence": _items(
            "persuade|persuaded|convince|convinced|influence|buy-in|buy in|get support|win over|change their mind|change someone's mind|adopt|negotiate|negotiation|get others|proposal|approve|make your case|reject|committed to a plan"
        ),
        "customer_focus": _items(
            "customer|customers|client|clients|patient|patients|student|students|parent|user needs|complaint|complain|unhappy|service|expectations|end user"
        ),
        "prioritization": _items(
            "prioriti|priorities|priority|competing|multiple tasks|several tasks|juggle|juggling|too many|workload|several deadlines|time management|turn down|postpone|what to do first|at the same time|at once|same moment|top priority|far exceed|only one|each want"
        ),
        "pressure": _items(
            "pressure|stress|stressful|tight deadline|crisis|emergency|urgent|overwhelm|overtime|last minute|last-minute|under the gun|short notice|journalist|social media|backlash|public|due tomorrow|immediately"
        ),
        "leadership": _items(
            "lead a|led a|leading a|leader|leadership|manage a team|managed a team|mentor|mentored|mentoring|coach|delegate|direct reports|take charge|took charge|took over a team|authority|new team"
        ),
        "adaptability": _items(
            "change|changed|changes|adapt|adapted|adjust|adjusted|new environment|unexpected|pivot|reorg|reorgani|flexible|shift|new manager|new tool|new process|suddenly"
        ),
        "learning": _items(
            "learn|learned|learnt|learning|new skill|new technology|pick up|picked up|feedback|grow|growth|improve|self-taught|curious|get up to speed|unfamiliar|critical feedback|better way|shift in|prepare for|less experienced"
        ),
        "communication": _items(
            "communicat|explain|presentation|present to|non-technical|convey|bad news|listen|misunderstand|misunderstood|written|report to|speak up|email|stakeholder update"
        ),
        "ownership": _items(
            "ownership|owned|own it|took responsibility|responsibility|accountable|initiative|proactive|above and beyond|not your job|not your responsibility|end to end|start to finish|handover|dropped"
        ),
        "teamwork": _items(
            "team|teammate|teammates|collaborat|together|cooperat|cross-functional|other teams|colleague|colleagues|pulling their weight|group project|team player|coworker|praises|credit|shared work"
        ),
        "problem_solving": _items(
            "problem|solve|solved|solving|root cause|troubleshoot|ambiguous|complex|challenge|challenging|figure out|figured out|analy|dropped by|numbers"
        ),
    },
    "zh": {
        "ethics": _items(
            "原则|诚信|道德|违规|说实话|保密|举报|上报|人情|美化|造假|骚扰|礼物|发票|不公平|不安全|瞒|竞争对手|内部资料|承诺一个"
        ),
        "conflict": _items(
            "冲突|分歧|矛盾|争执|吵|意见不合|意见不一致|不认同|不同意|发火|争论|推责任|互相推|主持公道|抢功|说成是他"
        ),
        "failure": _items(
            "失败|错误|犯错|失误|没有完成|没完成|踩坑|坑|教训|不如预期|反响很差|出了问题|出错"
        ),
        "influence": _items(
            "说服|影响|推动|争取|支持|落地|谈判|改变决策|改变原有决策|改变主意|抵触|配合|拒掉"
        ),
        "customer_focus": _items(
            "客户|用户|患者|病人|学生|家长|投诉|服务|满意|超出预期|超出他们预期|超出了预期|超出客户预期"
        ),
        "prioritization": _items(
            "优先级|排优先|多个任务|同时|取舍|先做什么|排满|积压|每一件|加了一项|同一时间|都有人在催|只能完成"
        ),
        "pressure": _items(
            "压力|紧急|加急|截止|危机|加班|扛|提前|赶工|急事|催|时间极短|情绪非常激动|记者|社交媒体|很短时间"
        ),
        "leadership": _items(
            "带领|领导团队|带团队|带新人|管理团队|负责人|带人|拍板|决策|士气|接手一个团队|下属|上任"
        ),
        "adaptability": _items("适应|变化|调整|转向|陌生|新环境|临时推翻|新领导|不一样|磨合|换了"),
        "learning": _items(
            "学习|学会|掌握|成长|反馈|提升|自学|新东西|评估|沉淀|能力不足|沉淀|经验教训|陌生的领域"
        ),
        "communication": _items(
            "沟通|表达|汇报|解释|传达|演讲|误解|回应|谈话|汇报|五分钟|准备和沟通"
        ),
        "ownership": _items("主动|负责到底|担当|责任|没人负责|三不管|承诺|隐患|漏洞|不归你管|前任"),
        "teamwork": _items("团队|合作|协作|配合|同事|融入|搭档|帮同事|小组"),
        "problem_solving": _items("问题|解决|棘手|难题|分析|原因|挑战|另辟蹊径|不清楚"),
    },
}
GENERIC_COMPETENCY_WORDS = frozenset(
    _items(
        "team|problem|change|changes|changed|challenge|service|feedback|complex|问题|团队|解决|挑战|同事|服务|反馈"
    )
)
# Self and motivation questions name no competency; these are the nearest.
SELF_COMPETENCIES = (
    (r"weakness|缺点|劣势|短处|improvement|development", "learning"),
    (r"leav|离职|离开|跳槽|换工作|辞职|switch", "adaptability"),
    (
        r"goal|see yourself|aspiration|ambition|规划|未来|motivat|passion|drives|excites|why (?:this|our|us|here|do you want)|为什么",
        "learning",
    ),
    (r"proud|achievement|accomplishment|成就|自豪|骄傲|得意", "ownership"),
)
DEFAULT_COMPETENCY = {
    "self": "communication",
    "behavioral": "problem_solving",
    "situational": "problem_solving",
}

# Traditional characters Whisper may write for Mandarin, folded to Simplified. Generated
# from zhconv's zh2Hans table, for the characters these lists and the question bank use.
ZH_TRADITIONAL = (
    "㕁㕘㕥㠀㠯㨗㨿㪚㳒㴱㽞䊀䘑䛐䛡䠶丟並乹乾亁亂佈佔併來侷係俬俻倉個們倖備傚傢傳債傷働價儀億儘優儲兒內兩冊冐冪凈凴別刪則剋剏"
    "剙剛創劃劑効動務勝勞勢勵匯區協卻卽厤厰參呌咊員唘唸問啓啟喫單嗎噁噹嚮嚴囑囙圅國圍園圖團埰執報場塊塲墜壓壞夠妳學宮寀實寧審"
    "寫寬尅專對導屛層屬峯島崗帶幀幇幙幚幣幫幹幾庫廠廣廵廻張強彆彈彌彔彙徃後徑從徧復徵徹惡愛態慣慮慶憑應懷戰戶捄捨捲掃掛採掽換"
    "揮揷揹搆損搶摃摺撡撦撫擇擊擔據擧擬擴擾攝攤攷敎敗數敺斷於旣旹旾昇時曆曏書會朞朢朮東枱査桮條棧業極榦構標樣樹機檔檢檯權欵歡"
    "歴歷歸殺氣氾汎決沒沖況洩淨淩減測準溝溫滙滲滾滿漲潛潤潰澱濟濫瀏瀰灋災為烖無煩熱營爭爲牀牎牕牠牴牽犧狀獲獻現環產産甯畧畫異"
    "畱畵當瘡療發盃盡監盤眎眞眡睏瞞瞭確碼礙祘禦禮秊秖稅種積穎穩穫窓窻竄竝競筆筞筩箇節範篩簡簽籤糰紀約紅納級紥紮細紹終組結絕絡"
    "給統絲絶綁經綠綫維網綴緊緐緑緒線編緩練緻縮縱總績織繙繞繪繫繳繼續纍纔缐羣義習翫聯聰聲職聽胷脅脇脈脩脫腦腳臟臨臺與興舉舊芲"
    "萬葠葯蒐蓋蓡蔘薦藥蘤處虛號螎蠻衇術衕衛衝衞裏補裝裡製複襍覈見規視覺覽觀觝觸訂計訊訓託記訪設許訴診註証評詞詢試話該詳詶誌認"
    "誒誖語誠誤說説誰課調談請論諾講謝證識譯議護讀變讓讬負財貢貨責貴貸費資賒賣質賬賴購趕踫蹤軟較載輪輭輯輸轉辤辦辭迴迻這連逥週"
    "進遊運過達違遞遠適遲遶遷選遺還邊邏郵酧醣醫醻釋釘針釦鈅鈎鈡鉀鉅鉤銀銷錄錢錯録錶鍳鍵鍼鍾鎖鎻鏈鐘鑑鑒鑰钜锺長門閉開間閙閤閱"
    "閲闆關闡闢阬陞隊階際隨險隱隻雖雙雜離難雲電靜韆響頁項順須預頓領頟頭頸頻頼題額願類顧顯風颱飆飛飜飯飾養餘餬餹餽饋馀駈騐騰騷"
    "驅驕驗驟髒體髮鬚鬥鬦鬧鬪麥麪麫麵麺麼麽點齣𠕂𠕅𢧐𦊱𧹔𪠽𫔭𫖸𫗫"
)
ZH_SIMPLIFIED = (
    "却参以岛以捷据散法深留糊脉词话射丢并干干干乱布占并来局系私备仓个们幸备效家传债伤动价仪亿尽优储儿内两册冒幂净凭别删则克创"
    "创刚创划剂效动务胜劳势励汇区协却即历厂参叫和员启念问启启吃单吗恶当向严嘱因函国围园图团采执报场块场坠压坏够你学宫采实宁审"
    "写宽克专对导屏层属峰岛岗带帧帮幕帮币帮干几库厂广巡回张强别弹弥录汇往后径从遍复征彻恶爱态惯虑庆凭应怀战户救舍卷扫挂采碰换"
    "挥插背构损抢扛折操扯抚择击担据举拟扩扰摄摊考教败数驱断于既时春升时历向书会期望术东台查杯条栈业极干构标样树机档检台权款欢"
    "历历归杀气泛泛决没冲况泄净凌减测准沟温汇渗滚满涨潜润溃淀济滥浏弥法灾为灾无烦热营争为床窗窗它抵牵牺状获献现环产产宁略画异"
    "留画当疮疗发杯尽监盘视真视困瞒了确码碍算御礼年只税种积颖稳获窗窗窜并竞笔策筒个节范筛简签签团纪约红纳级扎扎细绍终组结绝络"
    "给统丝绝绑经绿线维网缀紧繁绿绪线编缓练致缩纵总绩织翻绕绘系缴继续累才线群义习玩联聪声职听胸胁胁脉修脱脑脚脏临台与兴举旧花"
    "万参药搜盖参参荐药花处虚号融蛮脉术同卫冲卫里补装里制复杂核见规视觉览观抵触订计讯训托记访设许诉诊注证评词询试话该详酬志认"
    "诶悖语诚误说说谁课调谈请论诺讲谢证识译议护读变让托负财贡货责贵贷费资赊卖质账赖购赶碰踪软较载轮软辑输转辞办辞回移这连回周"
    "进游运过达违递远适迟绕迁选遗还边逻邮酬糖医酬释钉针扣钥钩钟钾巨钩银销录钱错录表鉴键针钟锁锁链钟鉴鉴钥巨钟长门闭开间闹合阅"
    "阅板关阐辟坑升队阶际随险隐只虽双杂离难云电静千响页项顺须预顿领额头颈频赖题额愿类顾显风台飙飞翻饭饰养余糊糖馈馈余驱验腾骚"
    "驱骄验骤脏体发须斗斗闹斗麦面面面面么么点出再再战挂账当开愿糊"
)
