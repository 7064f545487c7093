import { DeleteOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportMode } from '@shuzhi/contracts';
import { App, Button, Flex, Form, Radio, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_ACCEPT, importFormatOf, MAX_IMPORT_BYTES } from './ingest-files';
import { formatBytes, IMPORT_MODES } from './ingest-labels';

type Props = {
  file: File | null;
  mode: ImportMode;
  onFile: (file: File | null) => void;
  onMode: (mode: ImportMode) => void;
};

/** Step 1: the file (checked for type and size here, for content by the server) and the mode. */
export const ImportFileStep = ({ file, mode, onFile, onMode }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = (picked: File) => {
    if (!importFormatOf(picked.name)) void message.error(t('ingest.wrongType'));
    else if (picked.size > MAX_IMPORT_BYTES) void message.error(t('ingest.tooLarge'));
    else onFile(picked);
  };
  return (
    <Form layout="vertical" component="div">
      <Form.Item>
        <Upload.Dragger
          accept={IMPORT_ACCEPT}
          multiple={false}
          showUploadList={false}
          data-testid="import-file"
          beforeUpload={(picked) => {
            pick(picked);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('ingest.dropTitle')}</p>
          <p className="ant-upload-hint">{t('ingest.dropHint')}</p>
        </Upload.Dragger>
        {file && (
          <Flex align="center" gap={8} style={{ marginTop: 8 }} data-testid="import-chosen-file">
            <FileTextOutlined aria-hidden />
            <Typography.Text strong>
              {t('ingest.chosen', { name: file.name, size: formatBytes(file.size) })}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('ingest.remove')}
              onClick={() => onFile(null)}
            />
          </Flex>
        )}
      </Form.Item>
      <Form.Item label={t('ingest.mode')} style={{ marginBottom: 0 }}>
        <Radio.Group
          data-testid="import-mode"
          value={mode}
          onChange={(e) => onMode(e.target.value as ImportMode)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {IMPORT_MODES.map((m) => (
            <Radio key={m} value={m} data-testid={`import-mode-${m}`}>
              <Typography.Text strong>{t(`ingest.modes.${m}`)}</Typography.Text>
              <Typography.Text type="secondary"> — {t(`ingest.modeHints.${m}`)}</Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </Form>
  );
};
