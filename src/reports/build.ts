/**
 * The pipeline's last step: each chosen report's model and layout, the summary of the models and
 * the cover paper, computed once. Both writers and every summary take what this returns.
 */
import type { CheckedData } from "./check";
import { buildCoverLayout } from "./cover/layout";
import { type CoverModel, buildCoverModel } from "./cover/model";
import { buildCsrLayout } from "./csr/layout";
import { type CsrModel, buildCsrModel } from "./csr/model";
import type { SheetLayout } from "./layout";
import type { ReportOptions } from "./options";
import { buildPciLayout } from "./pci/layout";
import { type PciModel, buildPciModel } from "./pci/model";
import { REPORTS, type ReportChoice } from "./registry";
import { buildSrLayout } from "./sr/layout";
import { finishReportLayout } from "./stamp";
import { type SrModel, buildSrModel } from "./sr/model";
import { type ReportSummary, summariseModels } from "./summary";

/** The models of one month; a report not chosen is absent. */
export interface ReportModels {
  sr?: SrModel;
  csr?: CsrModel;
  pci?: PciModel;
  cover: CoverModel;
}

export interface BuiltReports {
  models: ReportModels;
  /** The chosen reports' sheets in registry order, then the cover. */
  layouts: SheetLayout[];
  /** The headline figures of the models (what the cover, the pane and the runner show). */
  summary: ReportSummary;
}

/** Every chosen report for options.period, then the cover paper. */
export function buildReports(
  data: CheckedData,
  options: ReportOptions,
  /** A PCI model computed elsewhere (the runner's national path computes it in DuckDB). */
  computed: { pci?: PciModel } = {}
): BuiltReports {
  const chosen = (id: ReportChoice): boolean => options.reports.includes(id);
  const sr = chosen("sr") ? buildSrModel(data, options) : undefined;
  const csr = chosen("csr") ? buildCsrModel(data, options) : undefined;
  const pci = chosen("pci") ? (computed.pci ?? buildPciModel(data, options)) : undefined;
  const summary = summariseModels(options, { sr, csr, pci });
  const cover = buildCoverModel(options, summary);
  const layoutOf: Record<ReportChoice, () => SheetLayout | undefined> = {
    sr: () => sr && buildSrLayout(sr),
    csr: () => csr && buildCsrLayout(csr),
    pci: () => pci && buildPciLayout(pci),
  };
  const layouts: SheetLayout[] = [];
  for (const report of REPORTS) {
    const layout = layoutOf[report.id]();
    if (layout) layouts.push(layout);
  }
  layouts.push(buildCoverLayout(cover));
  for (const layout of layouts) finishReportLayout(layout, options.audit);
  return { models: { sr, csr, pci, cover }, layouts, summary };
}
