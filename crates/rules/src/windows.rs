//! Windows versions of the Client Console machine.

/// A Windows version, as offered by the checker's select. R2 releases of
/// Windows Server count as their base release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WindowsVersion {
    WindowsXp,
    WindowsVista,
    Windows7,
    Windows8,
    Windows81,
    Windows10,
    Windows11,
    Server2008,
    Server2012,
    Server2016,
    Server2019,
    Server2022,
}

/// Words that say nothing about which Windows it is.
const NOISE: &[&str] = &[
    "microsoft",
    "windows",
    "win",
    "ms",
    "os",
    "pro",
    "professional",
    "home",
    "enterprise",
    "education",
    "standard",
    "datacenter",
    "ltsc",
    "ltsb",
    "edition",
    "r2",
    "x64",
    "x86",
    "64",
    "32",
    "bit",
];

impl WindowsVersion {
    pub const ALL: &'static [WindowsVersion] = &[
        WindowsVersion::WindowsXp,
        WindowsVersion::WindowsVista,
        WindowsVersion::Windows7,
        WindowsVersion::Windows8,
        WindowsVersion::Windows81,
        WindowsVersion::Windows10,
        WindowsVersion::Windows11,
        WindowsVersion::Server2008,
        WindowsVersion::Server2012,
        WindowsVersion::Server2016,
        WindowsVersion::Server2019,
        WindowsVersion::Server2022,
    ];

    /// Stable id, for the value of a select option: "windows-10",
    /// "windows-8-1", "windows-server-2016".
    pub fn as_str(&self) -> &'static str {
        match self {
            WindowsVersion::WindowsXp => "windows-xp",
            WindowsVersion::WindowsVista => "windows-vista",
            WindowsVersion::Windows7 => "windows-7",
            WindowsVersion::Windows8 => "windows-8",
            WindowsVersion::Windows81 => "windows-8-1",
            WindowsVersion::Windows10 => "windows-10",
            WindowsVersion::Windows11 => "windows-11",
            WindowsVersion::Server2008 => "windows-server-2008",
            WindowsVersion::Server2012 => "windows-server-2012",
            WindowsVersion::Server2016 => "windows-server-2016",
            WindowsVersion::Server2019 => "windows-server-2019",
            WindowsVersion::Server2022 => "windows-server-2022",
        }
    }

    /// Product name, the same in every language: "Windows Server 2016".
    pub fn name(&self) -> &'static str {
        match self {
            WindowsVersion::WindowsXp => "Windows XP",
            WindowsVersion::WindowsVista => "Windows Vista",
            WindowsVersion::Windows7 => "Windows 7",
            WindowsVersion::Windows8 => "Windows 8",
            WindowsVersion::Windows81 => "Windows 8.1",
            WindowsVersion::Windows10 => "Windows 10",
            WindowsVersion::Windows11 => "Windows 11",
            WindowsVersion::Server2008 => "Windows Server 2008",
            WindowsVersion::Server2012 => "Windows Server 2012",
            WindowsVersion::Server2016 => "Windows Server 2016",
            WindowsVersion::Server2019 => "Windows Server 2019",
            WindowsVersion::Server2022 => "Windows Server 2022",
        }
    }
}

/// Reads an id of [`WindowsVersion::ALL`] or what people write: "Windows 10
/// Pro", "win10", "Windows Server 2012 R2", "8.1". `None` when not
/// understood.
pub fn parse_windows(input: &str) -> Option<WindowsVersion> {
    let words = crate::text::words(input)?;
    let meaningful: Vec<&str> = words
        .iter()
        .map(|word| {
            match word
                .strip_prefix("windows")
                .or_else(|| word.strip_prefix("win"))
            {
                Some(number) if number.starts_with(|c: char| c.is_ascii_digit()) => number,
                _ => word.as_str(),
            }
        })
        .filter(|word| !NOISE.contains(word))
        .collect();
    let version = match meaningful.as_slice() {
        ["xp"] => WindowsVersion::WindowsXp,
        ["vista"] => WindowsVersion::WindowsVista,
        ["7"] => WindowsVersion::Windows7,
        ["8"] => WindowsVersion::Windows8,
        ["8.1"] | ["8", "1"] => WindowsVersion::Windows81,
        ["10"] => WindowsVersion::Windows10,
        ["11"] => WindowsVersion::Windows11,
        ["server", year] | [year] => match *year {
            "2008" => WindowsVersion::Server2008,
            "2012" => WindowsVersion::Server2012,
            "2016" => WindowsVersion::Server2016,
            "2019" => WindowsVersion::Server2019,
            "2022" => WindowsVersion::Server2022,
            _ => return None,
        },
        _ => return None,
    };
    Some(version)
}
