import { FileTextOutlined, InboxOutlined, ScanOutlined } from '@ant-design/icons';
import type { ColumnClassification } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Flex, InputNumber, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { LevelTag } from '../../modules/catalog/catalog-labels';
import { CLASSIFY_ACCEPT, classifiable, useClassifyFile } from '../../modules/classify/classify-api';
import { ConfidenceBar, SensitivityTag, TypeTag } from '../../modules/classify/classify-labels';
import { PageTitle } from '../../ui/page-title';

type Row = ColumnClassification & { key: number };

/** Upload a file, see per column what personal data it holds and the level the whole suggests. */
export const ClassifyFilePage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [sample, setSample] = useState<number | null>(null);
  const detect = useClassifyFile();
  const result = detect.data;
  const columns: ColumnsType<Row> = [
    { key: 'column', title: t('classify.column'), render: (_, c) => c.column || '—' },
    { key: 'type', title: t('classify.detected'), render: (_, c) => <TypeTag type={c.type} /> },
    {
      key: 'confidence',
      title: t('classify.confidence'),
      render: (_, c) => <ConfidenceBar value={c.confidence} />,
    },
    {
      key: 'sensitivity',
      title: t('classify.sensitivity'),
      render: (_, c) => <SensitivityTag value={c.sensitivity} />,
    },
    { key: 'level', title: t('classify.level'), render: (_, c) => c.level },
  ];
  return (
    <div data-testid="classify-file-page">
      <PageTitle title={t('classify.fileTitle')} />
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{t('classify.fileIntro')}</Typography.Paragraph>
          <Upload.Dragger
            accept={CLASSIFY_ACCEPT}
            multiple={false}
            showUploadList={false}
            data-testid="classify-file"
            beforeUpload={(picked) => {
              if (classifiable(picked.name)) {
                setFile(picked);
                detect.reset();
              } else void message.error(t('classify.wrongType'));
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('classify.dropTitle')}</p>
            <p className="ant-upload-hint">{t('classify.dropHint')}</p>
          </Upload.Dragger>
          <Flex gap={12} align="center" wrap style={{ marginTop: 12 }}>
            {file && (
              <Typography.Text strong>
                <FileTextOutlined aria-hidden /> {file.name}
              </Typography.Text>
            )}
            <span>{t('classify.sampleFile')}</span>
            <InputNumber
              min={1}
              value={sample}
              placeholder={t('classify.sampleFileHint')}
              style={{ width: 200 }}
              onChange={(v) => setSample(v)}
              aria-label={t('classify.sampleFile')}
            />
            <Button
              type="primary"
              icon={<ScanOutlined aria-hidden />}
              disabled={!file}
              loading={detect.isPending}
              data-testid="classify-file-start"
              onClick={() => file && detect.mutate({ file, sample: sample ?? undefined })}
            >
              {t('classify.start')}
            </Button>
          </Flex>
          {detect.error && (
            <Alert
              style={{ marginTop: 12 }}
              type="error"
              showIcon
              data-testid="classify-file-error"
              title={isApiError(detect.error) ? detect.error.problem.detail : t('common.unknownError')}
            />
          )}
        </Card>
        {result && (
          <Card
            title={result.fileName}
            extra={
              <Flex gap={8} align="center" data-testid="classify-file-level">
                {t('classify.suggestedLevel')} <LevelTag level={result.level} />
              </Flex>
            }
          >
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {t('classify.examined', { examined: result.rowsExamined, skipped: result.rowsSkipped })}{' '}
                {t('classify.suggestion')}
              </Typography.Text>
              <Table<Row>
                data-testid="classify-file-result"
                size="small"
                columns={columns}
                dataSource={result.columns.map((c, key) => ({ ...c, key }))}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            </Flex>
          </Card>
        )}
      </Flex>
    </div>
  );
};
