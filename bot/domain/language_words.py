"""Everyday chat words per language: the word-level evidence for short-message detection; and
the yes and no words that answer a one-tap "Is your home language X?" when typed."""

from __future__ import annotations

import unicodedata

# Romanised Hindi and Urdu are one chat language: their words are in both lists, so such a
# message ties between hi and ur and stays "unsure" with both on the menu.
ROMAN_HINDUSTANI = (
    " mujhe mujhko nahi nahin samajh samjha kya hai hain matlab iska uska mera meri tum aap "
    "kaise kyun kyu bahut accha acha theek thik haan yaar bhai karo raha rahi gaya tha hum "
    "mein bhi abhi kuch aaya pata"
)
# Everyday chat words per language, unaccented spellings included. ht and hmn have no detector:
# their words are here so that a Kreyòl or Hmong message leaves us unsure instead of wrong.
EVERYDAY_WORDS = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the an and or but is are was were be am i im i'm you u your ur he she it its we "
        "they me my this that these there here what whats how why when where who which do "
        "does did dont don't doesnt didnt cant can't can could would should will have has had "
        "not yes yeah yep nope to of in on at for with from about please pls plz thanks thank "
        "thx ty help mean means meaning know idk get got understand word answer question "
        "teacher miss hard easy done finished again sorry so too very really just like say "
        "said one next page quiz homework right wrong wait bro dude lol omg wtf hi hello hey "
        "good bad sure nvm gonna wanna if because need want go see make think explain class "
        "school test late forgot password all some any more",
        "es": "el la los las un una de del que qué q y en con por para porque pq xq como cómo "
        "cual cuál cuando donde dónde quien es son soy eres esta está estoy estas esto eso ese "
        "hay yo tu tú te me mi se no si sí ya muy mas más pero hola gracias profe maestra "
        "maestro señora señor ayuda ayudame ayúdame porfa porfavor favor entiendo entendi "
        "entendí sé sabe sabes significa quiere decir palabra respuesta pregunta dificil "
        "difícil facil fácil tengo tiene hacer hice hago termine terminé acabe acabé bien nada "
        "algo otra otro vez ahora dice ingles inglés hablo puedo puede quiero necesito tarea "
        "examen mañana hoy sale bueno cansado cansada asi así escribe escribir equivoque mucho "
        "muchas también tambien entonces pues oye aqui aquí nunca siempre nose gusta jaja jajaja",
        "pt": "o a os as um uma de do da dos das que e é em no na nos nas com por para pra "
        "porque pq não nao sim eu você voce vc cê te me meu minha isso isto esse essa este "
        "esta está estou tô ta tá tava sou são vou vai muito mais mas oi olá ola obrigado "
        "obrigada obg valeu vlw ajuda ajudar professor professora prof entendi entendo sei "
        "significa quer dizer palavra resposta pergunta difícil dificil fácil facil tenho tem "
        "fazer fiz terminei acabei bem nada tudo outra vez agora fala falar falo inglês ingles "
        "posso pode quero preciso tarefa dever prova amanhã amanha hoje cadê cade então entao "
        "também tambem acho já ja né cansado cansada escreve escrever errei certo errado assim "
        "aqui novo dúvida duvida nessa nesse pelo pela tbm kkk gente senhora",
        "fr": "le la les un une des de du que qui quoi est c'est cest suis es sont ai as avez "
        "et ou où en dans avec pour par pas ne je j'ai jai tu vous il elle on nous moi toi ce "
        "ça ca cette mon ma mes bonjour salut merci beaucoup madame monsieur maîtresse "
        "maitresse prof aide aider comprends comprend compris sais connais mot réponse reponse "
        "question difficile facile dur trop fini terminé termine bien rien tout encore "
        "maintenant comment pourquoi quand dit dire parle anglais peux peut veux besoin faire "
        "fait fais faut doit devoirs stp svp oui non juste très tres aussi fatigué fatiguée "
        "écrit écrire trompé vais va jsp mdr bcp exercice",
        "it": "il lo la gli le un una di del della che e è o in con per non nn si sì sono sei "
        "ho hai ha io tu mi ti questo questa quello cosa come perché perche perchè dove "
        "quando ciao grazie mille prof professore professoressa maestra aiuto aiutami aiuti "
        "capito capisco so parola risposta domanda difficile facile troppo finito fatto bene "
        "niente tutto ancora adesso dire dice vuol parlo inglese puoi può posso voglio bisogno "
        "fare faccio compito compiti favore scusa sbagliato giusto va anche molto stanco "
        "stanca significa scrive scrivere così cosi nuovo sto sta stai allora quindi però boh "
        "dai cmq esercizio",
        "de": "der die das den dem ein eine und oder aber ist sind bin bist ich du er sie es "
        "wir mich mir dich dir mein nicht nein ja doch was wie warum wieso wo wer hallo danke "
        "schön vielen dank bitte lehrer lehrerin frau herr hilfe helfen verstehe verstanden "
        "weiß weiss wort antwort frage schwer leicht zu fertig gemacht gut nichts alles noch "
        "wieder jetzt sagt sagen spreche englisch kannst kann können will machen hausaufgaben "
        "keine kein ahnung auf mit von für auch sehr falsch richtig heißt heisst bedeutet "
        "dieses diese man gar müde schreibt schreiben schon hab habe haben hast mach geht "
        "klar also echt mal nur schule aufgabe mag darf morgen heute keinen",
        "tl": "ang ng mga sa si ni ay na ako akong ko ikaw ka mo siya kami tayo kayo sila "
        "natin namin niya nila ito iyan yan yun yung iyon ano bakit paano saan sino hindi di "
        "oo opo po salamat maraming tulong tulungan intindi maintindihan naintindihan alam "
        "sagot tanong mahirap madali tapos naman din rin lang talaga pwede puwede ba ulitin "
        "sabihin ibig sabi nito dito wala meron marunong mag kasi pero tama mali sige ulit "
        "pagod isulat kung pag pa ngayon bukas gusto ayaw kaya grabe sobra nga diba kuya ate "
        "kumusta kamusta magandang umaga",
        "so": "waan ma maxay maxaa maxaad sidee sida ka ku u iyo oo ah aan waa wax waxba "
        "yahay tahay baan bay ayaan ayaa baa miyaa macallin macalin mahadsanid mahadsanahay "
        "fahmin fahmay garanayo aqaan aqaano jawaab jawaabta erayga eray macnaha dhigan "
        "khaldan khaldamay sax adag fadlan celi dhameeyay dhammeeyay qoraa ingiriisi ingiriis "
        "af haa maya hadda kale mar ii aniga adiga caawi caawin daalanahay shaqada shaqadii "
        "waayo casharka su'aal fiican badan nabad iska warran salaan",
        "sw": "mimi wewe yeye sisi na ni ya wa za kwa katika hii hili huu nini gani vipi wapi "
        "lini nani asante sana tafadhali samahani mwalimu sielewi naelewa sijui najua jibu "
        "majibu swali maswali neno maana ngumu rahisi nimemaliza kazi nyumbani sawa ndiyo "
        "ndio hapana siyo sio tena sasa kuongea kiingereza kiswahili siwezi naweza nisaidie "
        "msaada vizuri vibaya unasemaje inaandikwaje habari pole nimechoka sahihi je kitu "
        "chochote yake lake nina sina hakuna kuna shule somo bado pia lakini kama poa napenda "
        "leo kesho jana",
        "tr": "ben sen bu şu bir ve ile mi mı mu mü neden niye nasıl nasil nerede kim hocam "
        "hoca öğretmen ogretmen teşekkürler tesekkurler teşekkür sağol sagol lütfen lutfen "
        "yardım yardim anlamadım anlamadim anlamıyorum anlamiyorum anladım bilmiyorum "
        "biliyorum cevap soru kelime zor kolay bitirdim yaptım yaptim tamam evet hayır hayir "
        "yok var çok cok iyi yanlış yanlis doğru dogru tekrar eder misiniz misin demek denir "
        "ingilizce şimdi simdi değil degil ödev odev ödevimi yine hiçbir hicbir şey sey "
        "yoruldum yazılır yazilir benim senin bunu ders sınav sinav anlamı abi abla peki "
        "istiyorum yarın yarin bugün bugun dün",
        "pl": "ja ty on ona my to ten jest są nie tak i w z ze na do od po że co czy jak "
        "dlaczego gdzie dzień dobry cześć dziękuję dziekuje dzięki dzieki proszę prosze "
        "pomóc pomoże pani pan rozumiem wiem odpowiedź odpowiedz pytanie słowo slowo trudne "
        "trudno skończyłem zrobiłem zrobilem dobrze źle zle nic wszystko znowu teraz "
        "powiedzieć mówię mowie angielsku mogę moge chcę zadanie domowe bardzo za jaka jaki "
        "znaczy może moze jestem się sie mam masz mnie tego tym szkoła lekcja spoko serio "
        "mamy jutro dzisiaj wczoraj",
        "vi": "toi tôi em anh chị co cô thay thầy ban bạn minh mình khong không ko hieu hiểu "
        "biet biết bai bài nay này la là gi gì sao vay vậy roi rồi chua chưa lam làm xong "
        "duoc được cua của cho voi với oi ơi nha nhé qua quá kho khó tieng tiếng viet việt "
        "cam cảm ơn giup giúp tu từ nghia nghĩa cau câu tra trả loi lời dung đúng sai hoc "
        "học nhieu nhiều lai lại nua nữa chut chút hoi hỏi het hết met mệt thi thì nhu như "
        "the thế nào dau đâu gio giờ hom hôm ngay ngày lop lớp di đi thich thích",
        "ht": "mwen m nou konprann konnen konn mèsi mesi anpil pwofesè pwofese kijan kisa "
        "poukisa vle twò difisil repons tanpri ede angle kreyòl kreyol lan ki sa li pa ou "
        "bonjou bonswa sak pase map byen",
        "hmn": "kuv koj nws peb lawv tsis paub yog thiab nyob muaj ua tsaug lus txhais cas "
        "hais xib fwb txog nyuaj heev hnub askiv hmoob taub teb thov pab ntawv kawm qhia twg "
        "zoo nyeem tau siab niam txiv",
        "ar": "في من على الى إلى انا أنا انت هو هي احنا نحن بدي عايز ابغى اريد مش مو ليش "
        "لماذا ماذا ايش شو وين اين متى كيف كم هل نعم لا ايوه طيب تمام شكرا مشكور والله يا "
        "استاذ استاذة أستاذ معلم معلمة ساعدني فهمت افهم اعرف بعرف ما عن مع هذا هذه هاي هيك "
        "كتير كثير جدا صعب سهل غلط صح الجواب السؤال الكلمة كلمة معنى يعني الواجب الدرس "
        "انجليزي بالانجليزي عربي تعبان",
        "fa": "من تو او ما شما این اون که را رو از به با برای در تا هم یا و نه نمی نمیدونم "
        "میشه میخوام هست است نیست بود چی چه چرا کجا چطور چطوری آره بله خیلی ممنون مرسی "
        "خانم آقا کمک کمکم کن فهمیدم نفهمیدم یعنی درست غلط سخت سخته جواب سوال کلمه انگلیسی "
        "تکلیف خسته بگید کردم دارم ندارم داریم میدونی میتونم میخوام فردا امروز دیروز",
        "ur": "ہے ہیں میں نہیں کیا کا کی کے کو سے اور یہ وہ مجھے ہوں تھا تھی تم آپ ہم شکریہ "
        "کیسے کیوں بہت اچھا ٹھیک غلط سمجھ آیا مدد کریں کرو جواب لفظ مطلب انگریزی"
        + ROMAN_HINDUSTANI,
        "ps": "زه ته نه ده دی څه په د کې مننه ډېر ډېره ولې چې کوم",
        "ru": "что это как спасибо пожалуйста почему очень понимаю ответ привет хорошо мне "
        "сложно можно нет да слово значит ничего понял сделал тоже сейчас его она они был "
        "если или уже где когда кто какой надо нужно помогите учитель задание опять устал меня "
        "тебя сегодня вчера",
        "uk": "що це як дякую будь ласка чому дуже розумію відповідь привіт добре мені "
        "складно можна ні слово означає нічого зрозумів зробив також зараз його вона "
        "вони був якщо або вже де коли хто який треба допоможіть вчитель завдання знову мене "
        "немає сьогодні вчора",
        "hi": "है हैं नहीं मैं मुझे क्या का की में यह और हूँ हूं कैसे आया बहुत था थी से मेरा "
        "मेरी मेरे तुम आप हम वह करो करें करना रहा रही गया गई भी तो ही लिए अभी कुछ सही मालूम"
        + ROMAN_HINDUSTANI,
        "ne": "छ छैन छु छन् म मलाई यो मा गर्नुहोस् भयो धेरै थाहा कसरी किन र पनि हुन्छ मैले "
        "मेरो तिमी तपाईं हामी गर गर्न गरें थियो त नि लागि अहिले केही बुझिनँ बुझें सकें",
    }.items()
}


def _phrases(by_language: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each language's whole replies, written "a|b c|d"."""
    return {code: frozenset(words.split("|")) for code, words in by_language.items()}


# A typed answer to the one-tap "Is your home language X?" (Paj typed `yog`, Hmong "yes",
# rather than tap, and was told her language could not be read: Hmong re-playtest). Whole
# replies only, as folded by `_reply` (lower case, no punctuation), in X or in English.
YES_WORDS = _phrases({
    "en": "yes|yeah|yep|yup|y|ya|sure|yes please|yes it is|correct|right|thats right",
    "es": "sí|si|sí es|si es|claro|claro que sí|correcto|así es|asi es",
    "fr": "oui|ouais|oui cest ça|oui cest ca|bien sûr|exact",
    "pt": "sim|é|é sim|isso|claro|certo",
    "ht": "wi|wi se sa|wi li ye|se sa",
    "so": "haa|haye|haa waa|waa|haa waa sax",
    "hmn": "yog|yog lawm|yog os|yog tiag|aws|yog kuv",
    "vi": "vâng|vang|có|co|dạ|da|đúng|dung|đúng rồi|dung roi|phải|phai|ừ|dạ vâng|dạ có",
    "zh": "是|是的|对|对的|对呀|对啊|嗯|没错",
    "ar": "نعم|ايوه|أيوه|اي|أجل|اجل|صح|نعم صحيح",
    "ko": "네|예|응|맞아요|네 맞아요|넵",
    "ru": "да|ага|конечно|да конечно",
    "tl": "oo|opo|oo po|yes po|tama|tama po",
})
NO_WORDS = _phrases({
    "en": "no|nope|nah|n|no it is not|no its not",
    "es": "no|no es",
    "fr": "non|non merci|pas du tout",
    "pt": "não|nao|não é|nao e",
    "ht": "non|non se pa sa|pa",
    "so": "maya|maya maaha|maaha",
    "hmn": "tsis yog|tsis|tsis yog os",
    "vi": "không|khong|ko|không phải|khong phai|dạ không",
    "zh": "不|不是|不对|没有",
    "ar": "لا|كلا|لا مش صح",
    "ko": "아니요|아니오|아니|아뇨",
    "ru": "нет|не",
    "tl": "hindi|hindi po",
})


def _reply(text: str) -> str:
    """A short reply folded for matching: NFC, lower case, punctuation and emoji dropped."""
    folded = unicodedata.normalize("NFC", text).casefold()
    kept = "".join(c if c.isalnum() or c.isspace() or unicodedata.category(c) == "Mn" else ""
                   for c in folded)
    return " ".join(kept.split())


def yes_or_no(text: str, asked: str) -> bool | None:
    """True for a typed yes to "Is your home language `asked`?", in that language or in
    English ("yog", "Yes!"), False for a no, None for anything else."""
    reply = _reply(text)
    if reply in YES_WORDS.get(asked, frozenset()) | YES_WORDS["en"]:
        return True
    if reply in NO_WORDS.get(asked, frozenset()) | NO_WORDS["en"]:
        return False
    return None
