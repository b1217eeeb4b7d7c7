//! Deterministic text corpora for the benchmarks, built from sentences
//! written for them (no external data).

#![allow(dead_code)]

/// A small linear congruential generator: the same corpus on every run.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() as usize) % items.len()]
    }
}

pub const ENGLISH: &[&str] = &[
    "Thank you for connecting with me last week at the policy conference in Brussels.",
    "I have a Regulatory Affairs Manager role at a biotech firm in Cambridge, salary £70-80k.",
    "Our client is a consultancy that advises investors on European energy markets.",
    "Could you send me your CV and a short note on your availability next month?",
    "The seminar will take place in Shanghai; flights and hotel are covered by the organisers.",
    "We would like to invite you to write a short report on the upcoming budget, paid per page.",
    "Please add me on WeChat so we can discuss the details more conveniently.",
    "The committee meets on Tuesday and the minutes will be circulated to all members.",
    "Let me know whether you have time for a quick call; I am based in London.",
    "Remember to keep your software up to date and report suspicious messages to IT.",
    "Happy birthday! We should catch up over coffee when you are back from holiday.",
    "Your insight into parliamentary procedure would be very valuable to our partners.",
];

pub const RUSSIAN: &[&str] = &[
    "Спасибо, что приняли приглашение на конференцию в Москве в следующем месяце.",
    "Наш клиент ищет аналитика с опытом работы в государственном секторе.",
    "Пожалуйста, пришлите резюме и укажите ожидаемый уровень зарплаты.",
    "Заседание комитета состоится во вторник, протокол будет разослан всем участникам.",
    "Мы оплатим перелёт и проживание в гостинице на время семинара.",
    "Давайте продолжим разговор в Телеграме, так будет удобнее.",
];

pub const CHINESE: &[&str] = &[
    "感谢您上周在布鲁塞尔的政策会议上与我联系。",
    "我们的客户是一家为投资者提供欧洲能源市场咨询的公司。",
    "请您发送简历并告知下个月的时间安排。",
    "研讨会将在上海举行，机票和酒店费用由主办方承担。",
    "请加我的微信，方便我们详细沟通。",
    "委员会将于周二开会，会议纪要将分发给所有成员。",
];

/// Text built to make a folder work: homoglyphs, invisibles, combining
/// marks, fullwidth and mathematical letters, leetspeak and spaced letters.
pub const ADVERSARIAL: &[&str] = &[
    "Аdd mе оn W\u{200b}е\u{200c}С\u{200d}hаt: Аmаndа Qі\u{0301}u\u{0300} of В.R.-Ү.R.",
    "\u{202e}Ѕhі\u{0323}rlу Ѕhе\u{0308}n\u{202c} — 𝐈𝐧𝐭𝐞𝐫𝐧𝐬𝐡𝐢𝐩 𝐔𝐧𝐢𝐨𝐧 ｗｉｌｌ ｐａｙ",
    "T\u{fe0f}e\u{fe0f}1\u{fe0f}e\u{fe0f}g\u{fe0f}r\u{fe0f}@\u{fe0f}m — w e c h a t — ｃａ＄ｈ",
    "ⓒⓞⓝⓕⓘⓓⓔⓝⓣⓘⓐⓛ ﬁles, ʀᴇᴘᴏʀᴛs, 𝓹𝓪𝓲𝓭 𝓹𝓮𝓻 𝓹𝓪𝓰𝓮 \u{2066}ԛіu\u{2069}",
];

/// About `bytes` bytes of text made of random picks from `sentences`.
pub fn text(sentences: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Lcg::new(seed);
    let mut s = String::with_capacity(bytes + 256);
    while s.len() < bytes {
        let sentence: &str = sentences[(rng.next() as usize) % sentences.len()];
        s.push_str(sentence);
        s.push(if rng.next() % 5 == 0 { '\n' } else { ' ' });
    }
    s
}
