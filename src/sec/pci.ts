/**
 * Post Commissioning Information (SEC Appendix AC, section 5.8): a Device commissioned for more than
 * seven days that fails any of criteria a to e is listed. Failures are a bitmask so that a million rows
 * can be classified without allocating.
 */

export const PCI_A = 1;
export const PCI_B = 2;
export const PCI_C = 4;
export const PCI_D = 8;
export const PCI_E = 16;
export const PCI_CRITERIA = ["a", "b", "c", "d", "e"] as const;
export type PciCriterion = (typeof PCI_CRITERIA)[number];
/** A Device is due once it has been commissioned for MORE than this many days. */
export const PCI_DUE_AFTER_DAYS = 7;
/** Fewer than this many of each Security Credentials Service Request fails criteria c, d and e. */
export const PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS = 2;
export const PCI_ALL_CRITERIA_MASK = PCI_A | PCI_B | PCI_C | PCI_D | PCI_E;

/** What each criterion means, for legends and the cover paper's annex. */
export const PCI_CRITERION_DESCRIPTIONS: Readonly<Record<PciCriterion, string>> = {
  a: "Not successfully interrogated by DCC",
  b: "Recovery Trust Anchor Cell not populated with the Recovery Certificate credentials",
  c: "Fewer than two Issue Security Credentials Service Requests (SRV 6.17)",
  d: "Fewer than two Update Security Credentials (Device) Service Requests (SRV 6.15.2)",
  e: "Fewer than two Update Security Credentials (KRP) Service Requests (SRV 6.15.1)",
};

/** Whole calendar days from commissioning to measurement; times of day are ignored. */
export function daysCommissioned(commissioned: number, measured: number): number {
  return Math.floor(measured) - Math.floor(commissioned);
}

/** Commissioned for more than seven days at the measurement date (exactly seven is not yet due). */
export function isPciDue(commissioned: number, measured: number): boolean {
  return daysCommissioned(commissioned, measured) > PCI_DUE_AFTER_DAYS;
}

/**
 * The criteria a Device fails, as a bitmask of PCI_A … PCI_E (0 = complete). `interrogated` is a yes/no,
 * or the serial date of the first successful interrogation, which counts only on or before `measured`.
 */
export function pciFailureMask(
  measured: number,
  interrogated: boolean | number | null,
  recoveryAnchor: boolean,
  issueSecurityCredentials: number,
  updateSecurityCredentialsDevice: number,
  updateSecurityCredentialsKrp: number
): number {
  let mask = 0;
  const wasInterrogated =
    typeof interrogated === "number"
      ? Math.floor(interrogated) <= Math.floor(measured)
      : interrogated === true;
  if (!wasInterrogated) mask |= PCI_A;
  if (!recoveryAnchor) mask |= PCI_B;
  if (!(issueSecurityCredentials >= PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS)) mask |= PCI_C;
  if (!(updateSecurityCredentialsDevice >= PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS)) mask |= PCI_D;
  if (!(updateSecurityCredentialsKrp >= PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS)) mask |= PCI_E;
  return mask;
}

function criteriaOf(mask: number): PciCriterion[] {
  return PCI_CRITERIA.filter((_, index) => (mask & (1 << index)) !== 0);
}

const REASONS_TEXT_BY_MASK: readonly string[] = Array.from({ length: PCI_ALL_CRITERIA_MASK + 1 }, (_, mask) =>
  criteriaOf(mask).join(",")
);

function checkMask(mask: number): void {
  if (!Number.isInteger(mask) || mask < 0 || mask > PCI_ALL_CRITERIA_MASK) {
    throw new RangeError(`${mask} is not a PCI failure mask (0 to ${PCI_ALL_CRITERIA_MASK})`);
  }
}

/** "" for a complete Device, else the failed criteria in order, e.g. "a,c,e". */
export function pciReasonsText(mask: number): string {
  checkMask(mask);
  return REASONS_TEXT_BY_MASK[mask];
}

/** The failed criteria in order, e.g. ["a", "c", "e"]. */
export function pciMaskCriteria(mask: number): PciCriterion[] {
  checkMask(mask);
  return criteriaOf(mask);
}

/** The bit of one criterion, e.g. "c" -> PCI_C. */
export function pciCriterionBit(criterion: PciCriterion): number {
  return 1 << PCI_CRITERIA.indexOf(criterion);
}
