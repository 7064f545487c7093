import { StopOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dataset, ImportMode } from '@shuzhi/contracts';
import { Alert, App, Button, type ButtonProps, Card, Flex, Popconfirm, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { ImportFileStep } from './import-file-step';
import { ImportReport } from './import-report';
import { ImportSummary } from './import-summary';
import { isActiveImport, useCancelImport, useDataImport } from './ingest-api';
import { type StartedImport, useStartImport } from './ingest-files';
import { canImportData } from './ingest-policy';

/** The import wizard: choose file and mode, watch the background run, read the report. */
const ImportWizard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [started, setStarted] = useState<StartedImport | null>(null);
  const start = useStartImport();
  const cancel = useCancelImport();
  const { data: imp } = useDataImport(started?.imp.id, started?.imp);

  const run = () => {
    if (!file) {
      void message.warning(t('ingest.chooseFirst'));
      return;
    }
    start.mutate(
      { datasetId: dataset.id, file, mode },
      {
        onSuccess: (result) => {
          setStarted(result);
          if (result.alreadyImported) void message.info(t('ingest.alreadyImported'));
          else void message.success(t('ingest.started'));
        },
      },
    );
  };
  const reset = () => {
    setStarted(null);
    setFile(null);
    start.reset();
  };

  const active = !!imp && isActiveImport(imp);
  const current = start.isPending || active ? 1 : imp ? 2 : 0;
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={current}
        items={[
          { title: t('ingest.steps.file') },
          { title: t('ingest.steps.upload') },
          { title: t('ingest.steps.report') },
        ]}
      />
      {current === 0 && (
        <>
          {start.error && (
            <Alert
              type="error"
              showIcon
              data-testid="import-error"
              title={isApiError(start.error) ? start.error.problem.detail : t('common.unknownError')}
            />
          )}
          <ImportFileStep file={file} mode={mode} onFile={setFile} onMode={setMode} />
          <Flex justify="end">
            <Button
              type="primary"
              icon={<UploadOutlined aria-hidden />}
              disabled={!file}
              data-testid="import-start"
              onClick={run}
            >
              {t('ingest.start')}
            </Button>
          </Flex>
        </>
      )}
      {start.isPending && (
        <Flex align="center" gap={12} data-testid="import-uploading">
          <Spin />
          <Typography.Text>{t('ingest.uploading', { name: file?.name ?? '' })}</Typography.Text>
        </Flex>
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
      {current === 2 && imp && (
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
      <Typography.Paragraph type="secondary">{t('ingest.cardHint')}</Typography.Paragraph>
      <ImportWizard dataset={dataset} />
    </Card>
  );
};
