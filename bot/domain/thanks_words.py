"""The words of a thank-you, per language: what makes one, what may go with it, and the titles
a name goes with ("Ms. Carter", "cô Lan", "王老师").

Each entry is (thanks, with, titles): phrases separated by "|", written as people write them;
`bot/domain/thanks.py` folds them (case, accents, Arabic letter forms) as it folds a message.
A message is only thanks when every word is in one language's lists (or English, which
families mix in: "Gracias teacher", "salamat po, Ma'am"), with at least one thanks phrase.
Greetings and closings that need no answer go with thanks too ("Merci, bonne journée").

Left out, unsure of the spelling people type: Burmese (much typed in the Zawgyi encoding,
which is not Unicode) and Tigrinya.
"""

from __future__ import annotations

THANKS_WORDS: dict[str, tuple[str, str, str]] = {  # pragma: no mutate block (data)
    "en": (
        "thanks|thank you|thank u|thankyou|thanku|thanx|thnx|thx|tysm|tyvm|many thanks|"
        "much appreciated|appreciated|appreciate it|i appreciate it|we appreciate it|"
        "appreciate you|i appreciate you|we appreciate you|i appreciate your help|"
        "we appreciate your help|i am grateful|we are grateful|i'm grateful|we're grateful|"
        "so grateful|very grateful",
        "very much|so much|very|so|much|a lot|a ton|a million|a bunch|lots|again|you|"
        "for everything|for all you do|for all your help|for your help|for the help|"
        "for helping|for your time|for the information|for the info|for the update|"
        "for letting me know|for letting us know|for telling me|for telling us|"
        "for the message|for your message|for your answer|for the answer|for your reply|"
        "for the reply|for your hard work|for your patience|for your support|for caring|"
        "oh|ok|okay|oki|okey|dear|god bless|god bless you|bless you|hi|hello|"
        "good morning|good afternoon|good evening|good night|have a nice day|"
        "have a good day|have a great day|have a nice weekend|have a good weekend|"
        "have a great weekend",
        "teacher|miss|ms|mrs|mr|mx|sir|ma'am|maam|mam|madam|mister|coach|dr|prof|professor",
    ),
    "es": (
        "gracias|muchas gracias|muchísimas gracias|mil gracias|gracias mil|infinitas gracias|"
        "te agradezco|le agradezco|se lo agradezco|le agradecemos|se lo agradecemos|"
        "se agradece|agradecido|agradecida|agradecidos|agradecidas|muy agradecido|"
        "muy agradecida|muy agradecidos",
        "muchas|muchísimas|mil|de nuevo|otra vez|nuevamente|por todo|por su ayuda|"
        "por tu ayuda|por la ayuda|por la información|por la info|por avisar|por avisarme|"
        "por avisarnos|por el aviso|por su respuesta|por tu respuesta|por su tiempo|"
        "por su apoyo|por todo lo que hace|muy amable|a usted|a ti|dios la bendiga|"
        "dios le bendiga|dios lo bendiga|dios te bendiga|que dios la bendiga|"
        "que dios le bendiga|que dios lo bendiga|bendiciones|querida|querido|estimada|"
        "estimado|ok|okey|vale|hola|buenos días|buen día|buenas tardes|buenas noches|"
        "feliz día|lindo día|bonito día|que tenga buen día|que tenga un buen día|"
        "buen fin de semana",
        "maestra|maestro|profesora|profesor|profe|miss|señora|señor|sra|sr|srta|señorita",
    ),
    "fr": (
        "merci|merci beaucoup|merci bien|merci mille fois|mille mercis|mille merci|"
        "un grand merci|grand merci|merci infiniment|je vous remercie|nous vous remercions|"
        "je te remercie",
        "beaucoup|infiniment|encore|à vous|à toi|pour tout|pour votre aide|pour ton aide|"
        "pour l'aide|pour l'information|pour l'info|pour les informations|pour les infos|"
        "pour votre réponse|pour la réponse|pour votre message|pour le message|"
        "pour votre temps|de tout cœur|chère|cher|ok|d'accord|bonjour|bonsoir|"
        "bonne journée|bonne soirée|bon week-end|bon weekend|bonne nuit",
        "madame|monsieur|mme|m|mlle|mademoiselle|maîtresse|maître|professeur|professeure|prof|"
        "enseignant|enseignante",
    ),
    "pt": (
        "obrigado|obrigada|obrigados|obrigadas|muito obrigado|muito obrigada|"
        "muitíssimo obrigado|muitíssimo obrigada|obrigadão|obrigadinho|obrigadinha|obg|"
        "brigado|brigada|agradeço|agradecemos|eu agradeço|nós agradecemos|grato|grata|"
        "muito grato|muito grata|valeu",
        "muito|muitíssimo|de novo|mais uma vez|novamente|por tudo|pela ajuda|"
        "pela sua ajuda|pela informação|pelas informações|pela resposta|pelo aviso|"
        "pelo retorno|pelo seu tempo|pelo apoio|querida|querido|ok|deus abençoe|"
        "deus te abençoe|deus lhe abençoe|que deus abençoe|olá|oi|bom dia|boa tarde|"
        "boa noite|tenha um bom dia|bom fim de semana",
        "professora|professor|prof|profe|senhora|senhor|sra|sr|dona|tia|tio",
    ),
    "ht": (
        "mèsi|mesi|mèsi anpil|mèsi bokou|mwen remèsye w|mwen remèsye ou|nou remèsye w|"
        "nou remèsye ou|remèsye w|remèsye ou",
        "anpil|bokou|ankò|pou tout|pou tout bagay|pou èd ou|pou enfòmasyon an|"
        "pou repons lan|bondye beni w|bondye beni ou|bondye beni nou|ok|oke|bonjou|"
        "bonswa|bon jounen|bòn jounen|bon nwit|cheri",
        "madam|madanm|mesye|mis|mèt|mètrès|pwofesè|pwof",
    ),
    "so": (
        "mahadsanid|mahadsanidiin|mahadsantahay|mahadsan tahay|mahadsantihiin|"
        "mahadsan tihiin|waad mahadsantahay|waad mahadsan tahay|waad ku mahadsantahay|"
        "waad ku mahadsan tahay|aad baad u mahadsantahay|aad baad u mahadsan tahay|"
        "aad ayaad u mahadsantahay|aad ayaad u mahadsan tahay|"
        "aad iyo aad baad u mahadsan tahay|shukran|shukraan",
        "walaal|walaalo|walaashay|ok|haye",
        "macalin|macallin|macalimad|macallimad|macalinka|macallinka|macalimadda|"
        "macallimadda|ustaad|ustad",
    ),
    "hmn": (
        "ua tsaug|uatsaug|ua tsaug ntau|ua tsaug os",
        "ntau|ntau ntau|heev|kawg li|kawg nkaus|os|nawb|rau koj|rau nej|rau txhua yam|"
        "dua|ok",
        "xib fwb|xibfwb|tus xib fwb|nai xib fwb|nais xib fwb",
    ),
    "vi": (
        "cảm ơn|cám ơn|xin cảm ơn|chân thành cảm ơn|trân trọng cảm ơn|cảm ơn nhiều|"
        "thank",  # "thank cô": Vietnamese chat mixes the English verb in
        "nhiều|rất nhiều|nhiều lắm|lắm|ạ|nhé|nha|dạ|ơi|em|con|cháu|tôi|chúng tôi|"
        "gia đình|mình|vì tất cả|vì đã giúp đỡ|đã giúp đỡ|ok",
        "cô|thầy|cô giáo|thầy giáo|giáo viên",
    ),
    "zh": (
        "谢谢|谢谢你|谢谢您|多谢|感谢|感谢您|感谢你|感激|谢了|谢啦|太感谢了|非常感谢|十分感谢|"
        "万分感谢|感恩|辛苦了|辛苦您了|辛苦你了|謝謝|謝謝你|謝謝您|多謝|感謝|感謝您|謝了|謝啦|"
        "太感謝了|非常感謝|十分感謝|萬分感謝",
        "你|您|大家|了|啦|啊|呀|哦|喔|噢|哈|非常|十分|真的|真|太|很|好的|好|您的帮助|你的帮助|"
        "您的关心|你的关心|您的付出|您的幫助|你的幫助|您的關心|你的關心|一直以来|一直以來",
        "老师|老師|先生|女士",
    ),
    "ar": (
        "شكرا|شكرا لك|شكرا لكم|شكرا جزيلا|ألف شكر|مشكور|مشكورة|مشكورين|جزاك الله خيرا|"
        "جزاكم الله خيرا|جزاك الله خير|جزاكم الله خير|بارك الله فيك|بارك الله فيكم|"
        "يعطيك العافية|الله يعطيك العافية|تسلم|تسلمي|تسلمين|تسلموا|أشكرك|أشكركم|نشكرك|"
        "نشكركم|ممنون|ممنونة|متشكر|متشكرة|متشكرين|ميرسي|shukran|shukraan",
        "جزيلا|كثيرا|لك|لكم|لكي|يا|على كل شيء|على كل شي|على المساعدة|على مساعدتك|"
        "على مساعدتكم|على المعلومات|على الرد|على ردك|على تعبك|على تعبكم|على اهتمامك|"
        "على اهتمامكم|مرة أخرى|السلام عليكم|مرحبا|صباح الخير|مساء الخير",
        "أستاذ|أستاذة|أستاذي|أستاذتي|الأستاذ|الأستاذة|معلم|معلمة|معلمي|معلمتي|المعلم|"
        "المعلمة|مس|ميس|مستر",
    ),
    "ko": (
        "감사합니다|감사해요|감사드립니다|감사드려요|고맙습니다|고마워요|고마워|감사|땡큐|"
        "수고하셨습니다|수고 많으셨습니다|수고하세요",
        "정말|너무|진짜|대단히|많이|항상|늘|다시 한번|다시 한 번|도와주셔서|알려주셔서|"
        "신경 써주셔서|신경써주셔서|연락주셔서|답장 주셔서|답변 주셔서|답변주셔서|안녕하세요",
        "선생님|쌤|샘|님",
    ),
    "ru": (
        "спасибо|спасибо большое|большое спасибо|огромное спасибо|спасибочки|спасибки|спс|"
        "благодарю|благодарим|благодарю вас|очень благодарна|очень благодарен|"
        "очень благодарны|благодарна|благодарен|благодарны|сердечно благодарю|мерси",
        "большое|огромное|вам|тебе|за всё|за помощь|за вашу помощь|за информацию|за ответ|"
        "за ваш ответ|ещё раз|очень|уважаемая|уважаемый|дорогая|дорогой|хорошо|ок|"
        "здравствуйте|добрый день|добрый вечер|хорошего дня",
        "учитель|учительница",
    ),
    "tl": (
        "salamat|maraming salamat|salamat po|salamat ho|maraming salamat po|daghang salamat|"
        "salamat nang marami|salamat ng marami|thank you po",
        "po|ho|maraming|marami|nang marami|ng marami|ulit|muli|din|rin|talaga|sa lahat|"
        "sa lahat ng tulong|sa tulong|sa tulong ninyo|sa tulong niyo|sa inyong tulong|"
        "sa impormasyon|sa sagot|ok|sige|magandang umaga|magandang hapon|magandang gabi",
        "guro|titser|gng|bb|binibini|ginang|ginoo",
    ),
    "uk": (
        "дякую|дуже дякую|щиро дякую|красно дякую|дякую вам|дякуємо|спасибі|велике спасибі",
        "дуже|щиро|вам|тобі|за все|за допомогу|ще раз|велике",
        "вчителько|вчителю|пані|пане",
    ),
    "fa": (
        "مرسی|ممنون|ممنونم|خیلی ممنون|خیلی ممنونم|متشکرم|متشکر|سپاس|سپاسگزارم|سپاس‌گزارم|"
        "دستت درد نکنه|دستتون درد نکنه|دست شما درد نکنه|تشکر",
        "خیلی|از شما|ازتون|از لطف شما|از کمک شما|لطف کردید|جان|سلام",
        "استاد|معلم|خانم|آقا|آقای",
    ),
    "ur": (
        "شکریہ|بہت شکریہ|بہت بہت شکریہ|آپ کا شکریہ|مہربانی|shukriya|bohat shukriya|"
        "bahut shukriya",
        "بہت|جی|جناب|آپ کا|bahut|bohat|ji",
        "استاد|ٹیچر|میڈم|صاحب|صاحبہ|سر",
    ),
    "hi": (
        "धन्यवाद|बहुत धन्यवाद|बहुत बहुत धन्यवाद|शुक्रिया|बहुत शुक्रिया|आपका धन्यवाद|आभार|"
        "dhanyavad|dhanyawad|shukriya|bahut dhanyavad|bahut shukriya",
        "बहुत|आपका|जी|नमस्ते|bahut|bohot|ji|namaste",
        "सर|मैडम|मैम|टीचर|गुरुजी",
    ),
    "ne": (
        "धन्यवाद|धेरै धन्यवाद|मुरी मुरी धन्यवाद",
        "धेरै|हजुर|हजुरलाई|नमस्ते",
        "सर|मिस|म्याडम|गुरु|गुरुआमा",
    ),
    "sw": (
        "asante|asante sana|asanteni|asanteni sana|nashukuru|tunashukuru|ahsante|"
        "ahsante sana",
        "sana|tena|kwa kila kitu|kwa msaada|kwa msaada wako|mungu akubariki",
        "mwalimu|bi|bwana",
    ),
    "ja": (
        "ありがとう|ありがとうございます|ありがとうございました|どうもありがとう|"
        "どうもありがとうございます|どうもありがとうございました|感謝します|感謝しています|"
        "いつもありがとうございます|お世話になっております|お世話になりました",
        "本当に|ほんとうに|いつも|大変|心から|よろしくお願いします|どうも",
        "先生|せんせい|さん|様",
    ),
    "de": (
        "danke|danke schön|dankeschön|danke sehr|vielen dank|vielen lieben dank|"
        "herzlichen dank|tausend dank|besten dank|danke vielmals|ich danke ihnen|"
        "wir danken ihnen",
        "sehr|vielmals|nochmal|nochmals|für alles|für ihre hilfe|für die info|"
        "für die information|ihnen|dir|liebe|lieber|hallo|guten tag|schönen tag",
        "frau|herr|lehrerin|lehrer",
    ),
    "it": (
        "grazie|grazie mille|mille grazie|molte grazie|grazie tante|grazie infinite|"
        "ti ringrazio|la ringrazio|vi ringrazio",
        "mille|tante|infinite|ancora|di tutto|per tutto|per l'aiuto|per l'informazione|"
        "davvero|cara|caro|gentilissima|gentilissimo|buongiorno|buona giornata",
        "maestra|maestro|professoressa|professore|prof|signora|signor|signore",
    ),
    "pl": (
        "dziękuję|dziękujemy|dzięki|bardzo dziękuję|bardzo dziękujemy|serdecznie dziękuję|"
        "wielkie dzięki|stokrotne dzięki",
        "bardzo|serdecznie|panu|pani|wam|za wszystko|za pomoc|jeszcze raz|dzień dobry",
        "pani|panie|pan",
    ),
    "tr": (
        "teşekkürler|teşekkür ederim|teşekkür ederiz|çok teşekkürler|çok teşekkür ederim|"
        "sağ olun|sağolun|sağ ol|sağol|tşk|tsk|mersi",
        "çok|çok çok|size|her şey için|yardımınız için|merhaba|iyi günler",
        "hocam|hoca|öğretmenim|hanım|bey",
    ),
    "ps": (
        "مننه|ډېره مننه|ډیره مننه|ډېره ډېره مننه|تشکر",
        "ډېره|ډیره|ستاسو|سلام",
        "استاد|ښوونکی|ښوونکې",
    ),
    "bn": (
        "ধন্যবাদ|অনেক ধন্যবাদ|আপনাকে ধন্যবাদ|শুক্রিয়া",
        "অনেক|আপনাকে",
        "স্যার|ম্যাডাম",
    ),
    "pa": (
        "ਧੰਨਵਾਦ|ਬਹੁਤ ਧੰਨਵਾਦ|ਬਹੁਤ ਬਹੁਤ ਧੰਨਵਾਦ|ਸ਼ੁਕਰੀਆ",
        "ਬਹੁਤ|ਜੀ|ਤੁਹਾਡਾ",
        "ਸਰ|ਮੈਡਮ",
    ),
    "he": (
        "תודה|תודה רבה|תודה לך|תודה לכם|תודות|מודה לך|מודה לכם",
        "רבה|לך|לכם|על הכל|על העזרה|שוב|שלום",
        "המורה|מורה|גברת|אדון",
    ),
    "th": (
        "ขอบคุณ|ขอบคุณครับ|ขอบคุณค่ะ|ขอบคุณคะ|ขอบคุณมาก|ขอบใจ|ขอบพระคุณ",
        "มาก|มากๆ|ครับ|ค่ะ|คะ|จ้า|นะ|นะครับ|นะคะ|สำหรับทุกอย่าง",
        "ครู|คุณครู|อาจารย์",
    ),
    "el": (
        "ευχαριστώ|ευχαριστούμε|σας ευχαριστώ|σ' ευχαριστώ|ευχαριστώ πολύ|ευχαριστώ θερμά",
        "πολύ|σας|θερμά|για όλα|για τη βοήθεια|και πάλι",
        "κυρία|κύριε|κα|κ",
    ),
    "km": (
        "អរគុណ|អរគុណច្រើន|សូមអរគុណ",
        "ច្រើន|ណាស់|បាទ|ចាស",
        "លោកគ្រូ|អ្នកគ្រូ|គ្រូ",
    ),
    "am": (
        "አመሰግናለሁ|በጣም አመሰግናለሁ|እናመሰግናለን|በጣም እናመሰግናለን|እግዚአብሔር ይስጥልኝ",
        "በጣም",
        "መምህር|መምህርት|ወይዘሮ|አቶ",
    ),
}
