/** What the browser tests paste: the seed article's federation-trust error, as Exchange prints it. */
export const SEED_DE =
  'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."';
export const SEED_EN =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';
/** A vague description the real matcher is unsure about (the clarify test checks that it still is). */
export const VAGUE_DE = 'Frei/Gebucht geht nicht';
