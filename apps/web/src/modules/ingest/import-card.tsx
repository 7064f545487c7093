import { PlayCircleOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dataset, ImportMode, ImportPreview } from '@shuzhi/contracts';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Flex,
  Popconfirm,
  Spin,
  Steps,
  Tabs,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { ImportFileStep } from './import-file-step';
import { draftOf, ImportMappingStep } from './import-mapping-step';
import { ImportReport } from './import-report';
import { ImportSummary } from './import-summary';
import {
  isActiveImport,
  type MappingDraft,
  useCancelImport,
  useDataImport,
  useSetImportMapping,
  useStartStaged,
} from './ingest-api';
import { type StartedImport, useStageImport } from './ingest-files';
import { canImportData } from './ingest-policy';
import { SourcesPanel } from './sources-panel';

/** The import wizard: choose file and mode, check the column mapping, watch the run, read the report. */
const ImportWizard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [staged, setStaged] = useState<ImportPreview | null>(null);
  const [draft, setDraft] = useState<MappingDraft>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [save, setSave] = useState(false);
  const [started, setStarted] = useState<StartedImport | null>(null);
  const stage = useStageImport();
  const setMapping = useSetImportMapping();
  const startStaged = useStartStaged();
  const cancel = useCancelImport();
  const { data: imp } = useDataImport(started?.imp.id, started?.imp);
  // Answers to mapping changes may arrive out of order: only the latest one counts.
  const latest = useRef(0);

  const upload = () => {
    if (!file) {
      void message.warning(t('ingest.chooseFirst'));
      return;
    }
    stage.mutate(
      { datasetId: dataset.id, file, mode },
      {
        onSuccess: (p) => {
          setStaged(p);
          setDraft(draftOf(p));
          setProblem(null);
        },
      },
    );
  };
  const change = (next: MappingDraft) => {
    if (!staged) return;
    setDraft(next);
    const n = ++latest.current;
    setMapping.mutate(
      { importId: staged.import.id, mapping: next, save: false },
      {
        onSuccess: (p) => {
          if (n !== latest.current) return;
          setStaged(p);
          setProblem(null);
        },
        onError: (err) => {
          if (n === latest.current)
            setProblem(isApiError(err) ? err.problem.detail : t('common.unknownError'));
        },
      },
    );
  };
  const begin = async () => {
    if (!staged) return;
    try {
      if (save) {
        await setMapping.mutateAsync({ importId: staged.import.id, mapping: draft, save: true });
        void message.success(t('ingest.mapping.saved'));
      }
      const result = await startStaged.mutateAsync(staged.import.id);
      setStarted(result);
      setStaged(null);
      if (result.alreadyImported) void message.info(t('ingest.alreadyImported'));
      else void message.success(t('ingest.started'));
    } catch (err) {
      showError(err);
    }
  };
  const back = () => {
    if (staged) cancel.mutate(staged.import.id, { onError: (err) => showError(err) });
    setStaged(null);
    stage.reset();
  };
  const reset = () => {
    setStarted(null);
    setStaged(null);
    setFile(null);
    setSave(false);
    stage.reset();
  };

  const active = !!imp && isActiveImport(imp);
  const current = started ? (active ? 2 : 3) : staged ? 1 : 0;
  const starting = setMapping.isPending || startStaged.isPending;
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={current}
        items={[
          { title: t('ingest.steps.file') },
          { title: t('ingest.steps.mapping') },
          { title: t('ingest.steps.upload') },
          { title: t('ingest.steps.report') },
        ]}
      />
      {current === 0 && (
        <>
          {stage.error && (
            <Alert
              type="error"
              showIcon
              data-testid="import-error"
              title={isApiError(stage.error) ? stage.error.problem.detail : t('common.unknownError')}
            />
          )}
          <ImportFileStep file={file} mode={mode} onFile={setFile} onMode={setMode} />
          {stage.isPending ? (
            <Flex align="center" gap={12} data-testid="import-uploading">
              <Spin />
              <Typography.Text>{t('ingest.uploading', { name: file?.name ?? '' })}</Typography.Text>
            </Flex>
          ) : (
            <Flex justify="end">
              <Button
                type="primary"
                icon={<UploadOutlined aria-hidden />}
                disabled={!file}
                data-testid="import-next"
                onClick={upload}
              >
                {t('ingest.next')}
              </Button>
            </Flex>
          )}
        </>
      )}
      {current === 1 && staged && (
        <>
          <ImportMappingStep
            dataset={dataset}
            preview={staged}
            draft={draft}
            onChange={change}
            problem={problem}
            busy={setMapping.isPending}
          />
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Checkbox checked={save} onChange={(e) => setSave(e.target.checked)} data-testid="mapping-save">
              {t('ingest.mapping.save')}
            </Checkbox>
            <Flex gap={8}>
              <Button data-testid="import-back" onClick={back} disabled={starting}>
                {t('ingest.back')}
              </Button>
              <Button
                type="primary"
                icon={<PlayCircleOutlined aria-hidden />}
                data-testid="import-start"
                loading={starting}
                disabled={!!problem || staged.missingKeys.length > 0}
                onClick={() => void begin()}
              >
                {t('ingest.start')}
              </Button>
            </Flex>
          </Flex>
        </>
      )}
      {imp && started?.alreadyImported && (
        <Alert
          type="info"
          showIcon
          data-testid="import-already"
          title={t('ingest.alreadyImported')}
          description={t('ingest.alreadyImportedHint')}
        />
      )}
      {imp && <ImportSummary imp={imp} />}
      {active && (
        <Flex justify="end">
          <Popconfirm
            title={t('ingest.cancelConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'import-cancel-confirm' } as ButtonProps}
            onConfirm={() =>
              cancel.mutate(imp.id, {
                onSuccess: () => void message.info(t('ingest.cancelRequested')),
                onError: (err) => showError(err),
              })
            }
          >
            <Button
              danger
              icon={<StopOutlined aria-hidden />}
              loading={cancel.isPending}
              data-testid="import-cancel"
            >
              {t('ingest.cancel')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      {current === 3 && imp && (
        <>
          <ImportReport imp={imp} />
          <Flex justify="end">
            <Button data-testid="import-another" onClick={reset}>
              {t('ingest.another')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
};

/** "Import data" card, shown only to those who may load data into this published dataset. */
export const ImportCard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!canImportData(me, dataset)) return null;
  return (
    <Card title={t('ingest.card')} data-testid="import-card">
      <Tabs
        items={[
          {
            key: 'file',
            label: t('ingest.tabs.file'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('ingest.cardHint')}</Typography.Paragraph>
                <ImportWizard dataset={dataset} />
              </>
            ),
          },
          {
            key: 'sources',
            label: <span data-testid="ingest-tab-sources">{t('ingest.tabs.sources')}</span>,
            children: <SourcesPanel dataset={dataset} />,
          },
        ]}
      />
    </Card>
  );
};
