/** The one list of severities, most severe first: `fail_on`, sorting and every renderer follow it. */
export const SEVERITIES = ["error", "warning", "notice"] as const;

/** How severe a finding is; `fail_on` compares against the order of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** A severity's place in {@link SEVERITIES}: lower is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
