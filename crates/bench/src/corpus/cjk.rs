//! Words of the synthetic technotes in Japanese, Chinese (simplified and
//! traditional) and Korean, so that the benchmark's CJK locales cost what
//! real ones do: runs of Han, kana and Hangul that search cuts into pairs.
//! Japanese and Korean put the verb last ([`WordOrder::VerbLast`]).

use super::text::{Language, WordOrder};

pub static JAPANESE: Language = Language {
    order: WordOrder::VerbLast,
    separator: "",
    subjects: &[
        "オペレーターは",
        "各管理者は",
        "クライアントコンソールは",
        "マーケティングサーバーは",
        "アップグレードアシスタントは",
        "ホスト型インスタンスは",
        "ワークフローエンジンは",
        "セキュリティチームは",
    ],
    verbs: &[
        "確認します。",
        "ダウンロードします。",
        "置き換えます。",
        "保存します。",
        "更新します。",
        "送信します。",
        "比較します。",
    ],
    objects: &[
        "最新のビルドを",
        "セキュリティトークンを",
        "受信者のリストを",
        "接続パラメーターを",
        "監査ログを",
        "証明書チェーンを",
        "メッセージテンプレートを",
        "外部アカウントを",
    ],
    endings: &[
        "次のリリースの前に",
        "すべての端末で",
        "セッションが切れたときに",
        "サービスを止めずに",
        "サービスの再起動後に",
        "毎晩一度",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Windows Server",
    ],
    controls: &[
        "ヘルプ",
        "バージョン情報",
        "Adobe ID でログイン",
        "ツール",
        "詳細設定",
        "保存",
    ],
    question_starts: &["どこで", "いつ", "誰が", "どのように"],
    question_end: "確認できますか？",
    what_changed: "何が変わりましたか？",
    who_is_affected: "影響を受けるのは誰ですか？",
    how_to_update: "更新の手順",
    details: "詳細",
    faq: "よくある質問",
    useful_links: "関連リンク",
    tabs: ["ホスト型", "オンプレミス / ハイブリッド"],
    related: "関連項目",
    video: "デモを見る",
    image_alt: "クライアントコンソールのログイン画面",
    table_header: ["コンポーネント", "最小要件", "備考"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
    ],
    title_prefix: "技術情報 - ",
    badge_tooltip: "Campaign Classic v7 のみ",
};

pub static SIMPLIFIED_CHINESE: Language = Language {
    order: WordOrder::VerbFirst,
    separator: "",
    subjects: &[
        "操作员",
        "每位管理员",
        "客户端控制台",
        "营销服务器",
        "升级助手",
        "托管实例",
        "工作流引擎",
        "安全团队",
    ],
    verbs: &["检查", "下载", "替换", "保存", "更新", "发送", "比较"],
    objects: &[
        "最新版本",
        "安全令牌",
        "收件人列表",
        "连接参数",
        "审计日志",
        "证书链",
        "消息模板",
        "外部帐户",
    ],
    endings: &[
        "，在下一个版本发布之前。",
        "，在每台计算机上。",
        "，在会话过期时。",
        "，无需停止服务。",
        "，在服务重新启动之后。",
        "，每晚一次。",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Windows Server",
    ],
    controls: &[
        "帮助",
        "关于",
        "使用 Adobe ID 登录",
        "工具",
        "高级设置",
        "保存",
    ],
    question_starts: &["如何检查", "在哪里找到", "何时更新", "谁可以修改"],
    question_end: "？",
    what_changed: "有哪些变化？",
    who_is_affected: "哪些用户受到影响？",
    how_to_update: "如何更新",
    details: "详细信息",
    faq: "常见问题",
    useful_links: "相关链接",
    tabs: ["托管", "本地部署 / 混合"],
    related: "另请参阅",
    video: "观看演示",
    image_alt: "客户端控制台的登录窗口",
    table_header: ["组件", "最低要求", "备注"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
    ],
    title_prefix: "技术说明 - ",
    badge_tooltip: "仅适用于 Campaign Classic v7",
};

pub static TRADITIONAL_CHINESE: Language = Language {
    order: WordOrder::VerbFirst,
    separator: "",
    subjects: &[
        "操作員",
        "每位管理員",
        "用戶端主控台",
        "行銷伺服器",
        "升級助理",
        "託管執行個體",
        "工作流程引擎",
        "安全團隊",
    ],
    verbs: &["檢查", "下載", "取代", "儲存", "更新", "傳送", "比較"],
    objects: &[
        "最新版本",
        "安全權杖",
        "收件者清單",
        "連線參數",
        "稽核記錄",
        "憑證鏈",
        "訊息範本",
        "外部帳戶",
    ],
    endings: &[
        "，在下一個版本發佈之前。",
        "，在每部電腦上。",
        "，在工作階段逾時時。",
        "，不必停止服務。",
        "，在服務重新啟動之後。",
        "，每晚一次。",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Windows Server",
    ],
    controls: &[
        "說明",
        "關於",
        "使用 Adobe ID 登入",
        "工具",
        "進階設定",
        "儲存",
    ],
    question_starts: &["如何檢查", "在哪裡找到", "何時更新", "誰可以修改"],
    question_end: "？",
    what_changed: "有哪些變更？",
    who_is_affected: "哪些使用者受到影響？",
    how_to_update: "如何更新",
    details: "詳細資訊",
    faq: "常見問題",
    useful_links: "相關連結",
    tabs: ["託管", "內部部署 / 混合"],
    related: "另請參閱",
    video: "觀看示範",
    image_alt: "用戶端主控台的登入視窗",
    table_header: ["元件", "最低需求", "備註"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
    ],
    title_prefix: "技術說明 - ",
    badge_tooltip: "僅適用於 Campaign Classic v7",
};

pub static KOREAN: Language = Language {
    order: WordOrder::VerbLast,
    separator: " ",
    subjects: &[
        "운영자는",
        "각 관리자는",
        "클라이언트 콘솔은",
        "마케팅 서버는",
        "업그레이드 도우미는",
        "호스팅 인스턴스는",
        "워크플로 엔진은",
        "보안 팀은",
    ],
    verbs: &[
        "확인합니다.",
        "다운로드합니다.",
        "교체합니다.",
        "저장합니다.",
        "업데이트합니다.",
        "전송합니다.",
        "비교합니다.",
    ],
    objects: &[
        "최신 빌드를",
        "보안 토큰을",
        "수신자 목록을",
        "연결 매개변수를",
        "감사 로그를",
        "인증서 체인을",
        "메시지 템플릿을",
        "외부 계정을",
    ],
    endings: &[
        "다음 릴리스 전에",
        "모든 컴퓨터에서",
        "세션이 만료되면",
        "서비스를 멈추지 않고",
        "서비스를 다시 시작한 후",
        "매일 밤 한 번",
    ],
    names: &[
        "Adobe Campaign Classic",
        "Adobe Identity Management System",
        "Windows Server",
    ],
    controls: &[
        "도움말",
        "정보",
        "Adobe ID로 로그인",
        "도구",
        "고급 설정",
        "저장",
    ],
    question_starts: &["어디에서", "언제", "누가", "어떻게"],
    question_end: " 확인할 수 있나요?",
    what_changed: "무엇이 바뀌었나요?",
    who_is_affected: "영향을 받는 사용자는 누구인가요?",
    how_to_update: "업데이트 방법",
    details: "자세한 내용",
    faq: "자주 묻는 질문",
    useful_links: "유용한 링크",
    tabs: ["호스팅", "온프레미스 / 하이브리드"],
    related: "참고 항목",
    video: "데모 보기",
    image_alt: "클라이언트 콘솔의 로그인 창",
    table_header: ["구성 요소", "최소 요구 사항", "비고"],
    features: &[
        "Technote",
        "Upgrade",
        "Installation",
        "Security",
        "Workflows",
    ],
    title_prefix: "기술 노트 - ",
    badge_tooltip: "Campaign Classic v7에만 해당",
};

#[cfg(test)]
mod tests {
    use super::super::text::Language;

    fn sentence(tag: &str) -> String {
        let mut out = String::new();
        Language::for_locale(tag).sentence(&mut fastrand::Rng::with_seed(7), &mut out);
        out
    }

    #[test]
    fn cjk_locales_write_sentences_in_their_script() {
        let japanese = sentence("ja");
        assert!(
            japanese.ends_with("ます。") && !japanese.contains(' '),
            "{japanese}"
        );
        let chinese = sentence("zh-Hans");
        assert!(
            chinese.ends_with('。') && !chinese.contains(' '),
            "{chinese}"
        );
        assert_ne!(sentence("zh-Hant"), chinese);
        let korean = sentence("ko");
        assert!(
            korean.ends_with("니다.") && korean.contains(' '),
            "{korean}"
        );
        assert!(sentence("pt-BR").is_ascii());
    }
}
