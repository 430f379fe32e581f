/** Post Commissioning Information (SEC Appendix AC 5.8): the devices listed at a month's end and the trend. */
import { type MonthKey, addMonths, formatMonthLong, formatMonthShort, lastDayOfMonthSerial } from "../../sec";
// Hot-path rules straight from their module (see check.ts on the barrel's getters).
import { isPciDue, pciFailureMask } from "../../sec/pci";
import { type CheckedData, type DeviceRecord, DEVICE_TYPES } from "../check";
import { type ReportOptions, dueDateOf } from "../options";

/** One month of the PCI trend. Counts are null where the month (or, for added/removed, the month before) has no data. */
export interface PciMonth {
  period: MonthKey;
  /** "Jan-2018" */
  label: string;
  /** Whether there is a Devices snapshot for the month. */
  hasData: boolean;
  /** Whether there is a snapshot for the month before (needed for added/removed). */
  previousHasData: boolean;
  /** Device rows in the snapshot (0 without data). */
  snapshotDevices: number;
  /** Devices commissioned for more than seven days at the month's end. */
  dueDevices: number;
  listed: number | null;
  added: number | null;
  removed: number | null;
  /** Devices failing each criterion a…e (a device can fail several); null without data. */
  criteria: number[] | null;
}

export interface PciGroupRow {
  /** Device Type or Supplier ID; "" when not given. */
  key: string;
  listed: number;
  /** null when the previous month has no snapshot. */
  added: number | null;
  removed: number | null;
}

/** A device listed at period end, for tests and small displays (the layout reads the arrays directly). */
export interface PciListedDevice {
  device: DeviceRecord;
  mask: number;
  daysCommissioned: number;
  /** Not listed in the previous month's snapshot; null when there is no previous snapshot. */
  isNew: boolean | null;
}

export interface PciModel {
  kind: "pci";
  period: MonthKey;
  periodLabel: string;
  dueDate: number;
  /** Measurement date: the last day of the period. */
  measured: number;
  /** The period itself (the last trend month). */
  current: PciMonth;
  /** Six months ending with the period, oldest first. */
  trend: PciMonth[];
  /** Trend months with no snapshot. */
  monthsWithoutData: MonthKey[];
  /** The records that the index arrays point into (data.devices). */
  devices: readonly DeviceRecord[];
  /** Devices listed at period end, as indexes into `devices`, ordered by Device ID. */
  listedIndexes: Int32Array;
  /** Failure mask of each listed device (same order). */
  listedMasks: Uint8Array;
  /** 1 when the listed device was not in the previous month's list (same order). */
  listedNew: Uint8Array;
  /** Device IDs added to / removed from the list against the previous month, sorted; empty without a previous snapshot. */
  addedIds: string[];
  removedIds: string[];
  /** By Device Type (in SPEC order, "" last) and by Supplier ID (sorted, "" last). */
  byType: PciGroupRow[];
  bySupplier: PciGroupRow[];
  /**
   * The runner's national path (src/cli/national) writes the whole list beside the workbook as CSV: its
   * file name. There the arrays above hold at most PCI_SHEET_LIST_LIMIT devices; current.listed counts all.
   */
  fullListName?: string;
}

/** The listed devices of one month: Device ID -> index into data.devices. */
interface MonthList {
  hasData: boolean;
  snapshotDevices: number;
  dueDevices: number;
  listed: Map<string, number>;
  criteria: number[];
}

function newMonthList(): MonthList {
  return { hasData: false, snapshotDevices: 0, dueDevices: 0, listed: new Map(), criteria: [0, 0, 0, 0, 0] };
}

const TREND_MONTHS = 6;

/** Post Commissioning Information (Appendix AC 5.8) at the end of options.period, with its six-month trend. */
export function buildPciModel(data: CheckedData, options: ReportOptions): PciModel {
  const { period } = options;
  const devices = data.devices;
  // Months P-6 … P: the six trend months and the one before them (for the first month's added/removed).
  const months: MonthKey[] = [];
  for (let back = TREND_MONTHS; back >= 0; back--) months.push(addMonths(period, -back));
  const lists = new Map<MonthKey, MonthList>(months.map((month) => [month, newMonthList()]));
  const measuredOf = new Map<MonthKey, number>(months.map((month) => [month, lastDayOfMonthSerial(month)]));
  const masks = new Uint8Array(devices.length);
  let lastPeriod = "";
  let list: MonthList | undefined;
  let measured = 0;
  for (let index = 0; index < devices.length; index++) {
    const device = devices[index];
    if (device.period !== lastPeriod) {
      lastPeriod = device.period;
      list = lists.get(lastPeriod);
      measured = measuredOf.get(lastPeriod) ?? 0;
    }
    if (list === undefined) continue;
    list.hasData = true;
    list.snapshotDevices++;
    if (device.commissioned === null || !isPciDue(device.commissioned, measured)) continue;
    list.dueDevices++;
    const mask = pciFailureMask(
      measured,
      device.interrogated,
      device.recoveryAnchor,
      device.issueSecurityCredentials,
      device.updateSecurityCredentialsDevice,
      device.updateSecurityCredentialsKrp
    );
    if (mask === 0) continue;
    masks[index] = mask;
    list.listed.set(device.deviceId, index);
    for (let bit = 0; bit < 5; bit++) if ((mask & (1 << bit)) !== 0) list.criteria[bit]++;
  }

  const trend: PciMonth[] = [];
  for (let position = 1; position < months.length; position++) {
    const month = lists.get(months[position]) as MonthList;
    const previous = lists.get(months[position - 1]) as MonthList;
    const comparable = month.hasData && previous.hasData;
    trend.push({
      period: months[position],
      label: formatMonthShort(months[position]),
      hasData: month.hasData,
      previousHasData: previous.hasData,
      snapshotDevices: month.snapshotDevices,
      dueDevices: month.dueDevices,
      listed: month.hasData ? month.listed.size : null,
      added: comparable ? countMissing(month.listed, previous.listed) : null,
      removed: comparable ? countMissing(previous.listed, month.listed) : null,
      criteria: month.hasData ? month.criteria.slice() : null,
    });
  }

  const current = lists.get(period) as MonthList;
  const previous = lists.get(months[months.length - 2]) as MonthList;
  const comparable = current.hasData && previous.hasData;
  const listedIndexes = Int32Array.from(current.listed.values()).sort((a, b) => {
    const idA = devices[a].deviceId;
    const idB = devices[b].deviceId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const listedMasks = new Uint8Array(listedIndexes.length);
  const listedNew = new Uint8Array(listedIndexes.length);
  const addedIds: string[] = [];
  for (let position = 0; position < listedIndexes.length; position++) {
    const index = listedIndexes[position];
    listedMasks[position] = masks[index];
    if (comparable && !previous.listed.has(devices[index].deviceId)) {
      listedNew[position] = 1;
      addedIds.push(devices[index].deviceId);
    }
  }
  const removedIndexes: number[] = [];
  if (comparable) {
    for (const [deviceId, index] of previous.listed)
      if (!current.listed.has(deviceId)) removedIndexes.push(index);
  }
  const removedIds = removedIndexes.map((index) => devices[index].deviceId).sort();

  const groupRows = (
    keyOf: (device: DeviceRecord) => string,
    order: (keys: string[]) => string[]
  ): PciGroupRow[] => {
    const groups = new Map<string, PciGroupRow>();
    const groupOf = (key: string): PciGroupRow => {
      let group = groups.get(key);
      if (group === undefined) {
        group = { key, listed: 0, added: comparable ? 0 : null, removed: comparable ? 0 : null };
        groups.set(key, group);
      }
      return group;
    };
    for (let position = 0; position < listedIndexes.length; position++) {
      const group = groupOf(keyOf(devices[listedIndexes[position]]));
      group.listed++;
      if (listedNew[position] === 1) group.added = (group.added ?? 0) + 1;
    }
    for (const index of removedIndexes) {
      const group = groupOf(keyOf(devices[index]));
      group.removed = (group.removed ?? 0) + 1;
    }
    return order([...groups.keys()]).map((key) => groups.get(key) as PciGroupRow);
  };
  const typeRank = (key: string): number => {
    const rank = (DEVICE_TYPES as readonly string[]).indexOf(key);
    return rank < 0 ? DEVICE_TYPES.length : rank;
  };
  const byType = groupRows(
    (device) => device.deviceType,
    (keys) => keys.sort((a, b) => typeRank(a) - typeRank(b))
  );
  const bySupplier = groupRows(
    (device) => device.supplierId,
    (keys) => keys.sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0))
  );

  return {
    kind: "pci",
    period,
    periodLabel: formatMonthLong(period),
    dueDate: dueDateOf(options),
    measured: measuredOf.get(period) as number,
    current: trend[trend.length - 1],
    trend,
    monthsWithoutData: trend.filter((month) => !month.hasData).map((month) => month.period),
    devices,
    listedIndexes,
    listedMasks,
    listedNew,
    addedIds: addedIds.sort(),
    removedIds,
    byType,
    bySupplier,
  };
}

/** Keys of `from` that are not in `other`. */
function countMissing(from: Map<string, number>, other: Map<string, number>): number {
  let count = 0;
  for (const key of from.keys()) if (!other.has(key)) count++;
  return count;
}

/** The listed devices as objects (for tests and small displays; the layout does not need them). */
export function pciListedDevices(model: PciModel): PciListedDevice[] {
  const comparable = model.current.hasData && model.current.previousHasData;
  return Array.from(model.listedIndexes, (index, position) => {
    const device = model.devices[index];
    return {
      device,
      mask: model.listedMasks[position],
      daysCommissioned: model.measured - (device.commissioned as number),
      isNew: comparable ? model.listedNew[position] === 1 : null,
    };
  });
}
