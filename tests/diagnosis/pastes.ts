/**
 * Pastes of TLS configurations as admins copy them from a console: reg.exe (English and German),
 * Get-ItemProperty lists and tables, Get-ItemPropertyValue, [Net.ServicePointManager]::SecurityProtocol and
 * HealthChecker's TLS section. Long Format-List values wrap at 120 columns, as in a default console window.
 */

/** reg.exe, English console: TLS 1.2 on for client and server, .NET 4 (64- and 32-bit) set up. */
export const ALL_GOOD_REG = `C:\\Windows\\system32>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server"

HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server
    DisabledByDefault    REG_DWORD    0x0
    Enabled    REG_DWORD    0x1

C:\\Windows\\system32>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"

HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client
    DisabledByDefault    REG_DWORD    0x0
    Enabled    REG_DWORD    0x1

C:\\Windows\\system32>reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
    OnlyUseLatestCLR    REG_DWORD    0x1
    SchUseStrongCrypto    REG_DWORD    0x1
    SystemDefaultTlsVersions    REG_DWORD    0x1

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SKUs

C:\\Windows\\system32>reg query "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319"

HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319
    OnlyUseLatestCLR    REG_DWORD    0x1
    SchUseStrongCrypto    REG_DWORD    0x1
    SystemDefaultTlsVersions    REG_DWORD    0x1

HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SKUs

C:\\Windows\\system32>`;

/** Get-ItemProperty (Format-List, the default view): TLS 1.2 switched off in SCHANNEL on both sides. */
export const TLS12_DISABLED_GIP = `PS C:\\Windows\\system32> Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server'

Enabled           : 0
DisabledByDefault : 1
PSPath            : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProv
                    iders\\SCHANNEL\\Protocols\\TLS 1.2\\Server
PSParentPath      : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProv
                    iders\\SCHANNEL\\Protocols\\TLS 1.2
PSChildName       : Server
PSDrive           : HKLM
PSProvider        : Microsoft.PowerShell.Core\\Registry


PS C:\\Windows\\system32> Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client'

DisabledByDefault : 1
Enabled           : 0
PSPath            : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProv
                    iders\\SCHANNEL\\Protocols\\TLS 1.2\\Client
PSParentPath      : Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProv
                    iders\\SCHANNEL\\Protocols\\TLS 1.2
PSChildName       : Client
PSDrive           : HKLM
PSProvider        : Microsoft.PowerShell.Core\\Registry


PS C:\\Windows\\system32>`;

/** reg.exe on a German Windows: SchUseStrongCrypto missing for .NET 4 (both views), the TLS 1.2 client key missing. */
export const NO_STRONG_CRYPTO_REG_DE = `C:\\>reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" /v SystemDefaultTlsVersions

HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319
    SystemDefaultTlsVersions    REG_DWORD    0x1

C:\\>reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto
FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.

C:\\>reg query "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319" /v SystemDefaultTlsVersions

HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319
    SystemDefaultTlsVersions    REG_DWORD    0x1

C:\\>reg query "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto
FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.

C:\\>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"
FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.

C:\\>`;

/**
 * Get-ItemProperty | Select-Object (table view) and Get-ItemPropertyValue: only the 64-bit keys are set; the 32-bit (Wow6432Node) ones are
 * empty.
 */
export const ONLY_64BIT_TABLE = `PS C:\\> Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' | Select-Object SystemDefaultTlsVersions, SchUseStrongCrypto

SystemDefaultTlsVersions SchUseStrongCrypto
------------------------ ------------------
                       1                  1


PS C:\\> Get-ItemProperty 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' | Select-Object SystemDefaultTlsVersions, SchUseStrongCrypto

SystemDefaultTlsVersions SchUseStrongCrypto
------------------------ ------------------



PS C:\\> Get-ItemPropertyValue -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp' -Name DefaultSecureProtocols
2720
PS C:\\> Get-ItemPropertyValue -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp' -Name DefaultSecureProtocols
Get-ItemPropertyValue : Property DefaultSecureProtocols does not exist at path HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp.
At line:1 char:1
+ Get-ItemPropertyValue -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVe ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidArgument: (DefaultSecureProtocols:String) [Get-ItemPropertyValue], PSArgumentException
    + FullyQualifiedErrorId : System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyValueCommand
`;

/** [Net.ServicePointManager]::SecurityProtocol in a Windows PowerShell 5.1 session on a server without the .NET settings. */
export const SSL3_TLS_SESSION = `PS C:\\Windows\\system32> [Net.ServicePointManager]::SecurityProtocol
Ssl3, Tls
PS C:\\Windows\\system32>`;

/** HealthChecker's "Security Settings" section: TLS 1.2 fine, SchUseStrongCrypto missing for 32-bit .NET 4, the .NET 3.5 values not set. */
export const HEALTHCHECKER_TLS = `Security Settings
-----------------
        LmCompatibilityLevel Settings: 3
        Description: Clients use only NTLMv2 authentication, and they use NTLMv2 session security if the server supports it.

        TLS 1.0: Enabled
        RegistryKey       Location                                                                             Value
        -----------       --------                                                                             -----
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server NULL
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server NULL
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client NULL
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client NULL

        TLS 1.1: Enabled
        RegistryKey       Location                                                                             Value
        -----------       --------                                                                             -----
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Server NULL
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Server NULL
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client NULL
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client NULL

        TLS 1.2: Enabled
        RegistryKey       Location                                                                             Value
        -----------       --------                                                                             -----
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server 1
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server 0
        Enabled           SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client 1
        DisabledByDefault SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client 0

        TLS 1.3: Disabled

        RegistryKey              Location                                                Value
        -----------              --------                                                -----
        SystemDefaultTlsVersions SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319             1
        SchUseStrongCrypto       SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319             1
        SystemDefaultTlsVersions SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319 1
        SchUseStrongCrypto       SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319 NULL
        SystemDefaultTlsVersions SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727             NULL
        SchUseStrongCrypto       SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727             NULL
        SystemDefaultTlsVersions SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727 NULL
        SchUseStrongCrypto       SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727 NULL

        v4.0.30319 WowSchUseStrongCryptoValue: NULL --- Error: Value should be defined in registry for consistent results.
                Microsoft recommends customers proactively address weak TLS usage by removing TLS 1.0/1.1 dependencies in their environments and disabling TLS 1.0/1.1 at the operating system level where possible.
                More Information: https://aka.ms/HC-TLSConfigDocs
        SecurityProtocol: SystemDefault
        AllowInsecureRenegoClients Value: 0
        AllowInsecureRenegoServers Value: 0`;
