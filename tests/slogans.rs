//! Slogans, data driven: each case is a text and the slogans a reader must be shown in it,
//! with kind, count and what each expands to, frames or is said by; plus the traps that must
//! not come out as slogans.

use speechlens::model::{Analysis, Slogan, SloganKind, SloganKind::*};
use speechlens::{Analyzer, Options};

const SAMPLE: &str = include_str!("fixtures/seed-speech.txt");
const FORMULAS: &str = include_str!("fixtures/slogans-formulas.txt");
const QUOTES: &str = include_str!("fixtures/slogans-quotes.txt");
const PARALLEL: &str = include_str!("fixtures/slogans-parallel.txt");
const SCARE_QUOTES: &str = include_str!("fixtures/slogans-scare-quotes.txt");

/// One slogan a text must yield.
struct Expect {
    text: &'static str,
    kind: SloganKind,
    count: u32,
    expansion: Option<&'static [&'static str]>,
    frame: Option<&'static str>,
    speaker: Option<&'static str>,
}

const fn e(text: &'static str, kind: SloganKind, count: u32) -> Expect {
    Expect { text, kind, count, expansion: None, frame: None, speaker: None }
}

impl Expect {
    const fn expands(self, items: &'static [&'static str]) -> Expect {
        Expect { expansion: Some(items), ..self }
    }
    const fn frame(self, frame: &'static str) -> Expect {
        Expect { frame: Some(frame), ..self }
    }
    const fn said_by(self, speaker: &'static str) -> Expect {
        Expect { speaker: Some(speaker), ..self }
    }
}

fn analyze(text: &str) -> Analysis {
    Analyzer::new().analyze(text, &Options::default()).expect("the text analyses")
}

/// The UTF-16 slice `[start, end)` of `text`, as JS's `text.slice` would give it.
fn slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on UTF-16 boundaries")
}

fn find<'a>(a: &'a Analysis, text: &str) -> &'a Slogan {
    a.slogans.iter().find(|s| s.text == text).unwrap_or_else(|| {
        let all: Vec<(&str, SloganKind)> = a.slogans.iter().map(|s| (s.text.as_str(), s.kind)).collect();
        panic!("{text} missing; found {all:?}")
    })
}

/// Every expected slogan is there as expected, every occurrence slices to its text, and no
/// slogan contains any of `traps`.
fn check(text: &str, expected: &[Expect], traps: &[&str]) -> Analysis {
    let a = analyze(text);
    for want in expected {
        let got = find(&a, want.text);
        assert_eq!((got.kind, got.count), (want.kind, want.count), "{}", want.text);
        assert_eq!(got.occurrences.len() as u32, got.count, "{}", want.text);
        for o in &got.occurrences {
            assert_eq!(slice(text, o.start, o.end), want.text);
        }
        if let Some(items) = want.expansion {
            assert_eq!(got.expansion.as_deref(), Some(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]));
        }
        assert_eq!(got.frame.as_deref(), want.frame, "{}", want.text);
        assert_eq!(got.speaker.as_deref(), want.speaker, "{}", want.text);
    }
    for trap in traps {
        let caught: Vec<&str> = a.slogans.iter().map(|s| s.text.as_str()).filter(|s| s.contains(trap)).collect();
        assert!(caught.is_empty(), "{trap} caught as {caught:?}");
    }
    a
}

#[test]
fn the_sample_speech_yields_every_slogan_the_issue_names() {
    let a = check(
        SAMPLE,
        &[
            e("县域不经济", Quoted, 4),
            e("数商兴农", Quoted, 1),
            e("新农人", Quoted, 1),
            e("双倍增", Numbered, 1),
            e("三高四新", Numbered, 1),
            e("四链", Numbered, 1).expands(&["创新链", "产业链", "资金链", "人才链"]),
            // An enumeration no numbered formula names is a coinage of its own.
            e("微成长、小升高、高壮大、大变强", Quoted, 1),
            e(
                "整体实力不断增强、县域产业不断壮大、城镇化水平不断提升、发展基础不断夯实、民生福祉不断改善",
                Parallel,
                1,
            )
            .frame("…不断…"),
            e("百舸争流、千帆竞发", Parallel, 1).frame("百…千…"),
            // An idiom of two clauses, whole: the idiom list has 无源之水，无本之木, not its halves.
            e("无源之水,无本之木", Idiom, 1),
            e("奋发有为", Idiom, 1),
            e("遥遥领先", Idiom, 1),
            // A quoted idiom the idiom list lacks and jieba's dictionary has as one (issue 25.5).
            e("一枝独秀", Idiom, 1),
            e("百花齐放", Idiom, 1),
            e("市委关于锚定“三高四新”美好蓝图\u{a0}加快推动高质量发展的若干意见", Title, 1),
            e("整合科技创新资源,引领发展战略性新兴产业和未来产业,加快形成新质生产力。", Quotation, 1)
                .said_by("A总书记"),
            e("新质生产力", Lexicon, 11),
            e("高质量发展", Lexicon, 5),
        ],
        // Numbers that count things; the chains of 四链 are its expansion, not a parallel of their own;
        // nouns sharing a suffix are a list, not parallel clauses.
        &["9.87万家", "20多年前", "创新链、产业链", "智能化、绿色化", "完整性、先进性"],
    );
    // jieba tags these `i`/`l`, but they are plain words; the halves of a two-clause idiom are none.
    let idioms: Vec<&str> = a.slogans.iter().filter(|s| s.kind == Idiom).map(|s| s.text.as_str()).collect();
    for plain in ["生产关系", "整体实力", "若干意见", "突出表现", "相互作用", "无源之水", "无本之木"]
    {
        assert!(!idioms.contains(&plain), "{plain} is no idiom");
    }
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn scare_quoted_words_rank_below_coinages() {
    let a = analyze(SAMPLE);
    // A plain word of two or one character in scare quotes (从“土地”向…；“县”域) coins nothing.
    for plain in ["土地", "竞争", "合作", "县"] {
        assert!(a.slogans.iter().all(|s| s.text != plain), "{plain} is a slogan");
    }
    let score = |text| find(&a, text).score;
    for scare in ["产业链", "价值链"] {
        for coined in ["县域不经济", "数商兴农", "双倍增", "新农人"] {
            assert!(score(scare) < score(coined), "{scare} ranks above {coined}");
        }
    }
    assert!(a.slogans.windows(2).all(|w| w[0].score >= w[1].score), "slogans come ordered by score");
}

#[test]
fn numbered_formulas_quoted_or_bare_with_their_expansions() {
    let a = check(
        FORMULAS,
        &[
            e("十四五", Numbered, 1),
            e("两个确立", Numbered, 1),
            e("四个意识", Numbered, 1).expands(&["政治意识", "大局意识", "核心意识", "看齐意识"]),
            e("五位一体", Numbered, 1).expands(&["经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"]),
            e("一带一路", Numbered, 2),
            e("三农", Numbered, 1).expands(&["农业", "农村", "农民"]),
            e("一老一小", Numbered, 1),
            e("一村一品", Numbered, 1),
            e("三个导向", Numbered, 1).expands(&["目标导向", "问题导向", "结果导向"]),
            e("三张清单", Numbered, 1).expands(&["权力清单", "责任清单", "负面清单"]),
            e("两个一批", Numbered, 1).expands(&["培育一批", "引进一批", "储备一批"]),
            e("一心一意", Idiom, 1),
        ],
        &["三个月", "9.87万家", "20多年前"],
    );
    let warnings: Vec<(&str, String)> =
        a.warnings.iter().map(|w| (w.rule.as_str(), slice(FORMULAS, w.start, w.end))).collect();
    assert_eq!(warnings, [("formula.expansion-count", "两个一批”（培育一批、引进一批、储备一批）".to_string())]);
    let items = ["培育一批", "引进一批", "储备一批"].map(String::from).to_vec();
    let want =
        speechlens::model::Evidence::ExpansionCount { formula: "两个一批".into(), expected: 2, found: 3, items };
    assert_eq!(a.warnings[0].evidence, want);
    assert_eq!(a.warnings[0].message, "“两个一批” names 2 items but the text lists 3: 培育一批、引进一批、储备一批");
}

#[test]
fn quotes_of_every_style_titles_and_quotations() {
    check(
        QUOTES,
        &[
            e("要把论文写在祖国大地上，把科技成果应用在实现现代化的伟大事业中。", Quotation, 1).said_by("A总书记"),
            e("天下难事，必作于易；天下大事，必作于细。", Quotation, 1).said_by("古人"),
            e("行之苟有恒，久久自芬芳。", Quotation, 1),
            e("县域飞地", Quoted, 1),
            e("园区共建", Quoted, 1),
            e("一村一策", Numbered, 1),
            e("学习‘三个务必’", Quoted, 1),
            e("三个务必", Numbered, 1).expands(&[
                "务必不忘初心、牢记使命",
                "务必谦虚谨慎、艰苦奋斗",
                "务必敢于斗争、善于斗争",
            ]),
            e("习近平谈治国理政", Title, 1),
            e("关于〈中共中央关于进一步全面深化改革、推进中国式现代化的决定〉的说明", Title, 1),
            e("中共中央关于进一步全面深化改革、推进中国式现代化的决定", Title, 1),
        ],
        // A long quotation nobody is named as saying is a passage the speech cites, not a slogan.
        &["我们这个地方底子薄"],
    );
}

#[test]
fn laws_named_without_book_title_marks_after_a_verb_of_law_making() {
    let text = "同志们：一年来，我们制定出台民营经济促进法，修订了传染病防治法，出台生物安全法、出口管制法和修改兵役法，\
                实施好民法典，贯彻执行党组工作条例，修改完善宪法。各地要抓紧制定实施办法，\
                完善疫情防控相关立法，改进工作方法，制定科学的方法，实施乡村振兴战略，依法办事。";
    check(
        text,
        &[
            e("民营经济促进法", Title, 1),
            e("传染病防治法", Title, 1),
            e("生物安全法", Title, 1),
            e("出口管制法", Title, 1),
            e("兵役法", Title, 1),
            e("民法典", Title, 1),
            e("党组工作条例", Title, 1),
            e("宪法", Title, 1),
        ],
        &["办法", "立法", "方法", "实施乡村", "出台民营", "完善宪法", "修改兵役"],
    );
}

#[test]
fn parallel_runs_and_their_frames() {
    check(
        PARALLEL,
        &[
            e("坚持稳中求进、坚持改革创新、坚持开放合作", Parallel, 1).frame("坚持…"),
            e("居民收入稳步增长，城乡差距稳步缩小，生态环境稳步改善", Parallel, 1).frame("…稳步…"),
            // A two-clause idiom of the idiom list is an idiom, not a parallel of two.
            e("百花齐放、百家争鸣", Idiom, 1),
            e("时不我待", Idiom, 1),
            e("踔厉奋发", Idiom, 1),
            e("新质生产力", Lexicon, 1),
            e("高质量发展", Lexicon, 1),
        ],
        // Items with nothing in common are a list, not a parallel, and so are nouns sharing a suffix
        // (高端化、智能化、绿色化); a word that wanders through unequal clauses (第一…第一…第一) is
        // repetition, not a frame.
        &["产业、项目", "第一时间", "高端化、智能化"],
    );
}

#[test]
fn odd_inputs_yield_no_slogans_and_no_panic() {
    for text in ["", "“", "”“", "《》", "“”", "\"", "一二三四五六七八九十", "、、、，，，", "“‘「『《〈"]
    {
        let a = analyze(text);
        for s in &a.slogans {
            for o in &s.occurrences {
                assert_eq!(slice(text, o.start, o.end), s.text);
            }
        }
    }
}

/// Idioms are those of an idiom dictionary, said as whole words: jieba's tag `i` is no guide (it
/// tags 严峻形势 and 回顾过去 `i`), a word cut out of a longer one is none, and a two-clause idiom
/// counts whole, never by its halves.
#[test]
fn idioms_come_from_the_idiom_list_as_whole_words() {
    let a = check(
        "回顾过去，形势严峻，我们众志成城、攻坚克难。面对严峻形势，要坚持新能源开发。学习不能三天打鱼，两天晒网。",
        &[e("众志成城", Idiom, 1), e("三天打鱼，两天晒网", Idiom, 1)],
        &["回顾过去", "严峻形势", "能源开发"],
    );
    let idioms: Vec<&str> = a.slogans.iter().filter(|s| s.kind == Idiom).map(|s| s.text.as_str()).collect();
    assert!(!idioms.contains(&"三天打鱼"), "{idioms:?}");
}

/// A parallel run starts and ends where its items do: not on the verb before the first
/// (营造强信心 → 强信心), not past the last into what they modify (…不讲修复的老路 → …不讲修复),
/// not on a particle (盯着问题改 → no run opening 着); a salutation is no run.
#[test]
fn parallel_runs_start_and_end_on_their_items() {
    check(
        "要营造强信心、暖人心、聚民心的环境。决不能再走只讲索取不讲投入、只讲发展不讲保护、只讲利用不讲修复的老路。\
         女士们，先生们，朋友们，大家好。",
        &[
            e("强信心、暖人心、聚民心", Parallel, 1).frame("…心"),
            e("只讲索取不讲投入、只讲发展不讲保护、只讲利用不讲修复", Parallel, 1).frame("只讲…"),
        ],
        &["营造强信心", "的老路", "女士们，先生们"],
    );
}

/// A quoted phrase said bare counts only where the text has it as a word: 乡村振兴 inside
/// 乡村振兴战略 is no occurrence of “乡村振兴” (as 人民 inside 中华人民共和国 is none of “人民”).
#[test]
fn a_quoted_word_counts_only_where_it_is_a_word() {
    let text = "我们讲“乡村振兴”，就要实施乡村振兴战略，推动乡村振兴。";
    let a = check(text, &[e("乡村振兴", Quoted, 2), e("乡村振兴战略", Lexicon, 1)], &[]);
    let inside = text.find("乡村振兴战略").map(|at| text[..at].encode_utf16().count() as u32);
    assert!(find(&a, "乡村振兴").occurrences.iter().all(|o| Some(o.start) != inside));
}

/// Formulas in the version of the text's date and in the sense of their context: 四个全面 in a
/// 2017 text opens with 全面建成小康社会; “两新”组织 are new economic and social organisations,
/// not equipment renewal and trade-ins; 统筹国内国际两个大局 means the domestic and the international.
#[test]
fn expansions_follow_the_texts_date_and_the_formulas_sense() {
    let dated = |date: &str| {
        let text = format!("（{date}）我们要协调推进“四个全面”战略布局。");
        analyze(&text).slogans.into_iter().find(|s| s.text == "四个全面").and_then(|s| s.expansion)
    };
    let first = |date| dated(date).map(|items| items[0].clone());
    assert_eq!(first("2017年10月18日").as_deref(), Some("全面建成小康社会"));
    assert_eq!(first("2022年10月16日").as_deref(), Some("全面建设社会主义现代化国家"));
    let a = analyze("要加强“两新”组织党建工作。统筹国内国际两个大局。");
    assert_eq!(find(&a, "两新").expansion, None);
    assert_eq!(find(&a, "两个大局").expansion.as_deref(), Some(&["国内大局".to_string(), "国际大局".to_string()][..]));
}

/// Numbered formulas by their shape, quoted or not, with their items before or after them: the
/// items listed right before a quoted formula (…“新三样”), a bare 四个坚持 spelled out by count
/// (一是…四是), formulas joined by 、 (“一个中心、两个基本点”); 一件一件 and 一时一刻 count nothing.
#[test]
fn numbered_formulas_with_their_items_before_or_after() {
    let text = "电动汽车、锂电池、光伏产品“新三样”出口增长迅速。我们坚持“九二共识”，推进平急两用公共基础设施建设。\
                要坚持两手抓，实施三步走战略，坚持“一个中心、两个基本点”。\
                要做到四个坚持：一是坚持党的领导；二是坚持人民至上；三是坚持改革创新；四是坚持依法治国。\
                一件一件抓落实，一时一刻不放松，这是一门十分重要的学问。";
    check(
        text,
        &[
            e("新三样", Numbered, 1).expands(&["电动汽车", "锂电池", "光伏产品"]),
            e("九二共识", Numbered, 1),
            e("平急两用", Numbered, 1),
            e("两手抓", Numbered, 1),
            e("三步走", Numbered, 1),
            e("一个中心、两个基本点", Numbered, 1).expands(&["以经济建设为中心", "坚持四项基本原则", "坚持改革开放"]),
            e("四个坚持", Numbered, 1).expands(&["坚持党的领导", "坚持人民至上", "坚持改革创新", "坚持依法治国"]),
        ],
        &[],
    );
    let a = analyze(text);
    let numbered: Vec<&str> = a.slogans.iter().filter(|s| s.kind == Numbered).map(|s| s.text.as_str()).collect();
    for plain in ["一件一件", "一时一刻", "一门十分"] {
        assert!(!numbered.contains(&plain), "{plain} is no formula: {numbered:?}");
    }
}

/// A speaker is a name, a title or both, never a fragment: what stands between the speaker and
/// the verb of saying (曾, 就, 评价) is left off, names joined by 、 stay together, a clause that
/// names a document after a long adverbial keeps the document, and a pronoun is left out unless
/// it is 他 after a person named in the same paragraph.
#[test]
fn speakers_are_names_and_titles_not_fragments() {
    let text = "毛泽东同志曾指出：“掌握思想教育，是团结全党进行伟大政治斗争的中心环节。”\
                邓小平同志评价说：“写出了一个政治经济学的初稿。”\
                马克思、恩格斯指出：“无产阶级的运动是绝大多数人的运动。”\
                为此，建议稿在到2035年基本实现社会主义现代化远景目标中提出“全体人民共同富裕取得更为明显的实质性进展”。\
                他说：“我们一定能够战胜困难。”\
                \n钟南山同志说：“我不过就是一个看病的大夫。”大家都很感动。她说：“你们辛苦了。”他说：“要相信科学。”";
    let a = analyze(text);
    let speaker = |start: &str| {
        let s = a.slogans.iter().find(|s| s.kind == Quotation && s.text.starts_with(start));
        s.unwrap_or_else(|| panic!("{start} is no quotation")).speaker.clone()
    };
    assert_eq!(speaker("掌握思想教育").as_deref(), Some("毛泽东同志"));
    assert_eq!(speaker("写出了").as_deref(), Some("邓小平同志"));
    assert_eq!(speaker("无产阶级").as_deref(), Some("马克思、恩格斯"));
    assert_eq!(speaker("全体人民").as_deref(), Some("建议稿"));
    // 他 after a document is no one; after a person named in the same paragraph, that person.
    assert_eq!(speaker("我们一定"), None);
    assert_eq!(speaker("要相信科学").as_deref(), Some("钟南山同志"));
    assert_eq!(speaker("你们辛苦了"), None, "她 after a man's name is no one named");
}

/// A run is whole or none: a clause beside it that opens as its items do is a member it missed, and
/// a member may be long. Clauses sharing only a noun are prose or a list of tasks, unless each opens
/// with a verb; an open list of long names is no run; a run the speech quotes is a parallel run still.
#[test]
fn parallel_runs_are_whole_and_clauses_share_more_than_a_noun() {
    let text = "复工复产，关系到为疫情防控提供有力物质保障，关系到民生保障和社会稳定，关系到实现全年目标任务，\
                关系到完成“十三五”规划。\n\
                斗争成果，充分展现了中国共产党领导和我国社会主义制度的显著优势，充分展现了中国人民的伟大力量，\
                充分展现了中华文明的深厚底蕴。\n\
                要构筑强大的公共卫生体系，完善疾病预防控制体系，建设平战结合的重大疫情防控救治体系。\n\
                抗疫精神是集体主义精神的传承和发展，是中国精神的生动诠释，丰富了民族精神和时代精神的内涵。\n\
                要完善劳模政策，提升劳模地位，落实劳模待遇。\n\
                我主持召开中央全面依法治国委员会、中央网络安全和信息化委员会、中央外事工作委员会等会议。\n\
                解决看病难、上学难、就业难等问题。大家喊出“武汉必胜、湖北必胜、中国必胜”。";
    check(
        text,
        &[
            e(
                "充分展现了中国共产党领导和我国社会主义制度的显著优势，充分展现了中国人民的伟大力量，充分展现了中华文明的深厚底蕴",
                Parallel,
                1,
            )
            .frame("充分展现了中…"),
            e("要完善劳模政策，提升劳模地位，落实劳模待遇", Parallel, 1).frame("…劳模…"),
            e("看病难、上学难、就业难", Parallel, 1).frame("…难"),
            e("武汉必胜、湖北必胜、中国必胜", Parallel, 1).frame("…必胜"),
        ],
        &["关系到", "体系，", "精神的传承", "委员会、"],
    );
}

/// A short quote is someone's words when a speaker introduces it and it closes its clause, or when
/// it is chained by a comma to a quotation; named in a sentence that goes on, it is a coinage. Names
/// of diseases and listed projects coin nothing, and a heading run into a sentence is no speaker.
#[test]
fn quoted_phrases_that_are_someones_words() {
    let text = "邓小平同志强调，实现四个现代化，“要有正确的组织路线来保证”。\n\
                毛泽东同志在谈调查研究的方法时说：“第一是眼睛向下，不要只是昂首望天”，“第二是开调查会”。\n\
                中国人常说，“不到长城非好汉”。\n\
                这就是党的组织路线强调“以组织体系建设为重点”的道理所在。\n\
                要实施好“中华文明起源与早期发展综合研究”、“考古中国”等重大项目。\n\
                出现了“不明原因病毒性肺炎”，后来确认是“新型冠状病毒”。\n\
                二、做好考古工作我多次强调，“文化自信，是更基础、更广泛、更深厚的自信”。";
    let a = check(
        text,
        &[
            e("要有正确的组织路线来保证", Quotation, 1).said_by("邓小平同志"),
            // Chained to a quotation, a phrase is its speaker's words: no speaker found is a failure.
            e("第一是眼睛向下，不要只是昂首望天", Quotation, 1).said_by("毛泽东同志"),
            e("第二是开调查会", Quotation, 1).said_by("毛泽东同志"),
            e("不到长城非好汉", Quotation, 1).said_by("中国人"),
            e("以组织体系建设为重点", Quoted, 1),
        ],
        &["考古中国", "肺炎", "冠状病毒"],
    );
    let self_quoted = a.slogans.iter().find(|s| s.text.starts_with("文化自信"));
    assert_eq!(self_quoted.map(|s| (s.kind, s.speaker.clone())), Some((Quotation, None)), "我 is the speaker");
}

/// Where a parallel run stops: short items under a shared opening end before what they all
/// govern (全面加强|疫情防控), a clause an opening quotation mark cuts is no item, one shared
/// character frames only short phrases, and two idioms sharing one character are no pair.
#[test]
fn parallel_runs_stop_where_their_items_do() {
    check(
        "形成了全面动员、全面部署、全面加强疫情防控的战略格局。要保工资、保运转、保基本民生。\
         我们全力以赴救治患者，不遗漏一个感染者，不放弃每一位病患者。要防止急于求成、急功近利。",
        &[
            e("全面动员、全面部署、全面加强", Parallel, 1).frame("全面…"),
            e("保工资、保运转、保基本民生", Parallel, 1).frame("保…"),
        ],
        &["疫情防控的", "我们全力以赴", "急于求成、急功近利"],
    );
}

/// A run never starts inside a word: after a long compound (特别行政区同胞) the nouns sharing 同胞
/// are a list, and no run «政区同胞、台湾同胞、海外侨胞» is cut out of it.
#[test]
fn no_parallel_run_starts_inside_a_long_compound() {
    check(
        "向香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞致以诚挚的问候。",
        &[],
        &["政区同胞", "台湾同胞、"],
    );
}

/// Clauses that merely end in one shared character are no run (盯着问题改，对标整改), while the run
/// of items sharing 整改 is, and it stops before the clause after it.
#[test]
fn a_shared_last_character_frames_only_short_phrases() {
    check(
        "奔着问题去、盯着问题改，对标整改、源头整改、系统整改、联动整改、开门整改，着力抓好整改落实。",
        &[e("对标整改、源头整改、系统整改、联动整改、开门整改", Parallel, 1).frame("…整改")],
        &["盯着问题改", "着力抓好"],
    );
}

/// A speaker is a name, a title, a pronoun or a source (谚语, 古人), never with the manner adverb
/// (明确, 旗帜鲜明, 创造性) or the function word (所, 则) before the verb, never a word cut short
/// (现在 → 现), never with a list's dash; a gloss (意思是说“…”) is no quotation.
#[test]
fn speakers_without_adverbs_function_words_dashes_or_glosses() {
    let text = "钟南山同志说：“要相信科学。”他明确指出：“防控不能松懈。”\n\
                张三同志旗帜鲜明地指出：“改革只有进行时。”\n\
                全会总结经验，创造性提出：“坚持把发展作为第一要务。”\n\
                正如李四同志所指出：“实践是检验真理的唯一标准。”\n\
                某国谚语则说：“独木不成林。”\n\
                现在我们又明确提出：“要把就业放在首位。”\n\
                ——中国古人说：“民为邦本，本固邦宁。”\n\
                王五有句话：“先天下之忧而忧。”意思是说“要把人民放在心上”。";
    let a = analyze(text);
    let speaker = |start: &str| {
        let s = a.slogans.iter().find(|s| s.kind == Quotation && s.text.starts_with(start));
        s.unwrap_or_else(|| panic!("{start} is no quotation")).speaker.clone()
    };
    assert_eq!(speaker("防控不能松懈").as_deref(), Some("钟南山同志"), "他 is the man named, not 他明确");
    assert_eq!(speaker("改革只有").as_deref(), Some("张三同志"));
    assert_eq!(speaker("坚持把发展"), None, "创造性 is how, not who");
    assert_eq!(speaker("实践是检验").as_deref(), Some("李四同志"));
    assert_eq!(speaker("独木不成林").as_deref(), Some("某国谚语"));
    assert_eq!(speaker("要把就业"), None, "我们, not 现");
    assert_eq!(speaker("民为邦本").as_deref(), Some("中国古人"));
    let gloss = a.slogans.iter().find(|s| s.text.starts_with("要把人民"));
    assert!(gloss.is_none_or(|s| s.kind != Quotation), "a gloss is no quotation: {gloss:?}");
}

/// An expansion keeps its items whole: 两个确立's first item has a 、 of its own, and is one item;
/// items before a quoted formula that share a head noun are split where the text splits them
/// (耕地、林地面积持续“双缩减” lists 耕地 and 林地, not 林地面积持续).
#[test]
fn expansions_keep_their_items_whole() {
    check(
        "全党要深刻领悟“两个确立”的决定性意义。近年来，耕地、林地面积持续“双缩减”，要引起重视。",
        &[
            e("两个确立", Numbered, 1)
                .expands(&["习近平同志党中央的核心、全党的核心地位", "习近平新时代中国特色社会主义思想的指导地位"]),
            e("双缩减", Numbered, 1).expands(&["耕地", "林地"]),
        ],
        &[],
    );
}

/// Idiom-list entries that are ordinary nouns (十字路口, 里程碑, 议事日程) are no 成语; a quoted idiom is
/// an idiom even when it opens with a numeral (“一枝独秀”, as “百花齐放”).
#[test]
fn ordinary_nouns_of_the_idiom_list_are_no_idioms_and_a_quoted_idiom_is_one() {
    let a = check(
        "我们站在新的十字路口，这是一座里程碑，要把这件事提上议事日程。这个县的经济在全省“一枝独秀”，我们众志成城。",
        &[e("一枝独秀", Idiom, 1), e("众志成城", Idiom, 1)],
        &[],
    );
    let idioms: Vec<&str> = a.slogans.iter().filter(|s| s.kind == Idiom).map(|s| s.text.as_str()).collect();
    for noun in ["十字路口", "里程碑", "议事日程"] {
        assert!(!idioms.contains(&noun), "{noun} among {idioms:?}");
    }
}

/// A parallel run needs a shared frame of form: nouns sharing a modifier are a list (绿色建筑、绿色能源、
/// 绿色交通), clauses that merely repeat a topic word where it falls are prose; a run is all of its
/// members or none (休戚与共、荣辱与共 are two of four).
#[test]
fn parallel_runs_need_a_frame_of_form_and_all_their_members() {
    check(
        "要推广绿色建筑、绿色能源、绿色交通。\n\
         要发展职业教育，办好人民满意的继续教育，推进教育公平。\n\
         我们同各国人民休戚与共、荣辱与共、命运与共、生死与共。\n\
         要完善劳模政策，提升劳模地位，落实劳模待遇。",
        &[e("要完善劳模政策，提升劳模地位，落实劳模待遇", Parallel, 1).frame("…劳模…")],
        &["绿色建筑、", "职业教育，", "休戚与共、荣辱与共"],
    );
}

/// A ranking in scare quotes (“全国第一”) coins nothing; a coinage beside it does.
#[test]
fn a_quoted_ranking_coins_nothing() {
    check("这个县的粮食产量多年“全国第一”，靠的是“县域不经济”的反思。", &[e("县域不经济", Quoted, 1)], &["全国第一"]);
}

/// What a quote holds decides its kind, not the quotes: a word of today's official jargon (“对标”,
/// “对表”, “赋能”) or a term of war (“地道战”, “地雷战”) in scare quotes coins nothing, while a
/// colloquial coinage (“甩锅”) and a war the speech wages as a metaphor (“阻击战”) do; a classical line
/// of verse is a quotation (“千磨万击终不悔”), a set phrase the dictionary holds (“咬定青山不放松”) and
/// a modern pledge (“我是党员我先上”) are coinages; a chain of short task phrases is a coinage, not
/// someone's words; a quoted run that shares a frame is a parallel run.
#[test]
fn what_a_quote_holds_decides_its_kind() {
    let a = check(
        SCARE_QUOTES,
        &[
            e("志不求易者成，事不避难者进。", Quotation, 1).said_by("古人"),
            e("防汛必胜、抗旱必胜、全县必胜", Parallel, 1).frame("…必胜"),
        ],
        &["对标", "对表", "赋能", "地道战", "地雷战"],
    );
    let kind = |text: &str| find(&a, text).kind;
    for coinage in ["甩锅", "阻击战", "咬定青山不放松", "我是党员我先上", "学理论、强本领，转作风、促发展"]
    {
        assert_eq!(kind(coinage), Quoted, "{coinage}");
    }
    assert_eq!(kind("千磨万击终不悔"), Quotation, "a line of verse");
}
