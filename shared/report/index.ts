// The report contract heavytail.report/v1: its schema, type, validator, JSON Schema, columns and rows.
export { columnInReport, type ColumnSpec, csvName, LAYER_COLUMNS, PRESENCE, SUMMARY_METRICS } from "./layer-columns.ts";
export { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from "./report-json-schema.ts";
export { reportShape, type Shape } from "./report-shape.ts";
export { ROW_COUNTS, type ReportRow, ROW_SUMMARY_KEYS, rowMetadata, type RowMetadata, type RowSummary, rowSummary } from "./report-row.ts";
export { type AdapterInfo, type AnalysedLayer, type BaseModelRef, COMPATIBLE_WITH, type DeltaBaseIdentity, type FailedLayer, type LayerColumns, type Lineage, type Num, type Report, REPORT_SCHEMA, type SkippedLayer, type SummaryMetrics, type WeightFormat } from "./schema.ts";
export { validateReport } from "./validate-report.ts";
