import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ROSTER_IMPORT_MAX_BYTES,
  ROSTER_IMPORT_MAX_ROWS,
  ROSTER_SHEET_COLUMNS,
  type ApiErrorBody,
  type RosterImportReport,
} from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { downloadImportTemplate, importRoster } from '../../../../services/api/roster';
import { checkRosterFile, reportOfError, type PickedFile } from '../../utils/importFile';
import '../../roster.css';
import './index.css';

if (process.env.TARO_ENV === 'h5') {
  // The <input type=file> styles: selectors WeChat's stylesheet compiler does not take.
  require('./h5.css');
}

const m = messages.roster;
const isH5 = () => process.env.TARO_ENV === 'h5';
/** Rows listed on the page; the rest are counted (errors are always all listed). */
const ROWS_SHOWN = 100;
const MB = ROSTER_IMPORT_MAX_BYTES / 1024 / 1024;

type Step =
  | { kind: 'pick' }
  | { kind: 'checking'; file: PickedFile }
  | { kind: 'preview'; file: PickedFile; report: RosterImportReport }
  | { kind: 'committing'; file: PickedFile; report: RosterImportReport }
  | { kind: 'done'; report: RosterImportReport };

/**
 * 导入名册 (sub-package "roster"), three steps:
 *  1. 选文件 — an <input type=file> on H5, a file from a WeChat chat on weapp (.xlsx or .csv);
 *  2. 看预览 — uploaded with mode=dry-run: what each row would do, and every error by row and column;
 *     nothing is written;
 *  3. 确认导入 — after a confirmation with the counts, the same file with mode=commit (all or nothing).
 */
export default function ImportPage() {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [templateError, setTemplateError] = useState<ApiErrorBody | null>(null);

  async function preview(file: PickedFile): Promise<void> {
    const invalid = checkRosterFile(file);
    setError(null);
    setProblem(invalid);
    if (invalid) return;
    setStep({ kind: 'checking', file });
    const result = await importRoster('dry-run', { filePath: file.path, fileName: file.name });
    if (result.ok) {
      setStep({ kind: 'preview', file, report: result.data });
      return;
    }
    setError(result.error);
    setStep({ kind: 'pick' });
  }

  async function commit(): Promise<void> {
    if (step.kind !== 'preview') return;
    const { file, report } = step;
    setConfirming(false);
    setError(null);
    setStep({ kind: 'committing', file, report });
    const result = await importRoster('commit', { filePath: file.path, fileName: file.name });
    if (result.ok) {
      setStep({ kind: 'done', report: result.data });
      return;
    }
    // IMPORT_HAS_ERRORS carries a fresh preview: the roster changed since the dry run.
    const fresh = reportOfError(result.error);
    setError(result.error);
    setStep({ kind: 'preview', file, report: fresh ?? report });
  }

  async function pickWeapp(): Promise<void> {
    let res: { tempFiles: Array<{ path: string; name: string; size: number }> };
    try {
      res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    } catch {
      return; // closed without choosing
    }
    const chosen = res.tempFiles[0];
    if (chosen) void preview({ path: chosen.path, name: chosen.name, size: chosen.size });
  }

  function pickH5(input: HTMLInputElement | null): void {
    const chosen = input?.files?.[0];
    if (!chosen) return;
    void preview({ path: URL.createObjectURL(chosen), name: chosen.name, size: chosen.size });
    if (input) input.value = '';
  }

  function restart(): void {
    setStep({ kind: 'pick' });
    setError(null);
    setProblem(null);
  }

  const stepNo = step.kind === 'pick' || step.kind === 'checking' ? 1 : step.kind === 'done' ? 3 : 2;

  return (
    <PageShell testId="roster-import-page">
      <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
        {m.importHeading}
      </Text>
      <View className="import-steps" data-testid="import-steps">
        {m.importSteps.map((name, i) => (
          <Text key={name} className={`import-steps__item${stepNo === i + 1 ? ' import-steps__item--on' : ''}`} aria-current={stepNo === i + 1 ? 'step' : undefined}>
            {stepNo === i + 1 ? `▶ ${i + 1}. ${name}` : `${i + 1}. ${name}`}
          </Text>
        ))}
      </View>

      {error ? (
        <View className="section">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}

      {step.kind === 'pick' ? (
        <View data-testid="import-pick">
          <View className="section roster-card">
            <Text className="roster-sub">{m.importStep(1, m.importSteps[0])}</Text>
            <Text className="roster-para">{m.importIntro}</Text>
            <Text className="roster-para import-columns">{ROSTER_SHEET_COLUMNS.map((c) => c.header).join('、')}</Text>
            <Text className="roster-para">{m.importLimits(MB, ROSTER_IMPORT_MAX_ROWS)}</Text>
            <Text className="roster-para import-safe">{m.importSafe}</Text>
          </View>
          {problem ? (
            <View className="section">
              <Notice tone="error" title={problem} testId="import-problem" />
            </View>
          ) : null}
          <View className="section">
            {isH5() ? (
              <label className="import-file-label" data-testid="import-file-label">
                <input
                  className="import-file-input"
                  type="file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  data-testid="import-file"
                  onChange={(e) => pickH5(e.currentTarget)}
                />
                <span className="import-file-button">{m.importPick}</span>
              </label>
            ) : (
              <Button className="big-button" type="primary" block onClick={() => void pickWeapp()} data-testid="import-pick-weapp">
                {m.importPickWeapp}
              </Button>
            )}
            <Text className="roster-muted import-hint">{m.importPickHint}</Text>
          </View>
          <View className="section">
            {templateError ? <ErrorState error={templateError} title={m.downloadFailed} /> : null}
            <Button
              className="big-button"
              type="default"
              fill="outline"
              block
              onClick={() => {
                setTemplateError(null);
                void downloadImportTemplate(m.importTemplateFile).then((r) => {
                  if (!r.ok) setTemplateError(r.error);
                });
              }}
              data-testid="import-template"
            >
              {m.importTemplate}
            </Button>
            <Text className="roster-muted import-hint">{m.importTemplateHint}</Text>
          </View>
        </View>
      ) : null}

      {step.kind === 'checking' ? (
        <View className="section">
          <Text className="roster-para">{m.importChosen(step.file.name)}</Text>
          <LoadingState label={m.importChecking} />
        </View>
      ) : null}

      {step.kind === 'preview' || step.kind === 'committing' ? (
        <Preview
          fileName={step.file.name}
          report={step.report}
          busy={step.kind === 'committing'}
          onConfirm={() => setConfirming(true)}
          onRestart={restart}
        />
      ) : null}

      {step.kind === 'done' ? (
        <View className="section" data-testid="import-done">
          <Notice tone="success" title={m.importDoneTitle}>
            <Text>{m.importDone(step.report.households.create, step.report.residents.create, step.report.residents.update)}</Text>
          </Notice>
          <View className="section">
            <Button className="big-button" type="primary" block onClick={() => void Taro.redirectTo({ url: routes.rosterHouseholds })}>
              {m.importBackToList}
            </Button>
          </View>
          <View className="section">
            <Button className="big-button" type="default" fill="outline" block onClick={restart}>
              {m.importAnother}
            </Button>
          </View>
        </View>
      ) : null}

      <ConfirmDialog
        open={confirming && step.kind === 'preview'}
        title={m.importConfirmTitle}
        confirmText={m.importConfirm}
        cancelText={m.cancel}
        onConfirm={() => void commit()}
        onCancel={() => setConfirming(false)}
        testId="import-dialog"
      >
        {step.kind === 'preview' ? (
          <View>
            <Text className="import-dialog__strong">
              {m.importConfirmBody(step.report.households.create, step.report.residents.create, step.report.residents.update)}
            </Text>
            {step.report.representativeChanges > 0 ? <Text className="import-dialog__line">{m.importRepChanges(step.report.representativeChanges)}</Text> : null}
            <Text className="import-dialog__line">{m.importConfirmNote}</Text>
          </View>
        ) : null}
      </ConfirmDialog>
    </PageShell>
  );
}

function Preview({
  fileName,
  report,
  busy,
  onConfirm,
  onRestart,
}: {
  fileName: string;
  report: RosterImportReport;
  busy: boolean;
  onConfirm: () => void;
  onRestart: () => void;
}) {
  const hasErrors = report.errors.length > 0;
  const rows = report.rows.slice(0, ROWS_SHOWN);
  return (
    <View data-testid="import-preview">
      <View className="section roster-card">
        <Text className="roster-sub">{m.importPreviewTitle}</Text>
        <Text className="roster-para">{m.importChosen(fileName)}</Text>
        <Text className="roster-para">{m.importFile(report.fileKind, report.sheetName, report.dataRows)}</Text>
        <Text className="roster-para import-strong" data-testid="import-households">
          {m.importHouseholds(report.households)}
        </Text>
        <Text className="roster-para import-strong" data-testid="import-residents">
          {m.importResidents(report.residents)}
        </Text>
        {report.representativeChanges > 0 ? <Text className="roster-para">{m.importRepChanges(report.representativeChanges)}</Text> : null}
        {report.ignoredColumns.length > 0 ? <Text className="roster-para">{m.importIgnored(report.ignoredColumns.join('、'))}</Text> : null}
      </View>

      <View className="section">
        {hasErrors ? (
          <Notice tone="error" title={m.importErrorsTitle(report.errors.length)} testId="import-errors">
            <Text className="import-errors__hint">{m.importErrorsHint}</Text>
            {report.errors.map((e, i) => (
              <Text className="import-error" key={`${e.row ?? 'file'}-${e.column ?? ''}-${i}`} data-testid="import-error">
                {e.message}
              </Text>
            ))}
          </Notice>
        ) : (
          <Notice tone="success" title={m.importNoErrors} testId="import-no-errors" />
        )}
      </View>

      <View className="section">
        {hasErrors ? (
          <Button className="big-button" type="primary" block onClick={onRestart} data-testid="import-restart">
            {m.importPickAgain}
          </Button>
        ) : (
          <View>
            <Button className="big-button" type="primary" block disabled={busy} onClick={onConfirm} data-testid="import-confirm">
              {busy ? m.importCommitting : m.importConfirm}
            </Button>
            <View className="section">
              <Button className="big-button" type="default" fill="outline" block disabled={busy} onClick={onRestart}>
                {m.importPickAgain}
              </Button>
            </View>
          </View>
        )}
      </View>

      {rows.length > 0 ? (
        <View className="section" data-testid="import-rows">
          <Text className="section__title">{m.importRowsTitle}</Text>
          {rows.map((row) => (
            <View className={`import-row${row.action === 'error' ? ' import-row--error' : ''}`} key={row.row}>
              <Text className="import-row__title">{m.importRow(row.row, row.householdNumber, row.name)}</Text>
              <Text className="import-row__action">
                {m.importActions[row.action] ?? row.action}
                {row.changes.length > 0 ? `（${m.importChanges(row.changes.join('、'))}）` : ''}
              </Text>
            </View>
          ))}
          {report.rows.length > rows.length ? <Text className="roster-muted">{m.importRowsMore(report.rows.length - rows.length)}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
