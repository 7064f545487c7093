import type { ApiKey } from '@shuzhi/contracts';
import { Alert, type ButtonProps, Empty, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useKeyUsage } from './access-api';

type NameProps = {
  open: boolean;
  title: string;
  initial?: string;
  loading: boolean;
  onSubmit: (name: string, fail: (err: unknown) => void) => void;
  onClose: () => void;
};

/** The one field a key has besides its secret: a name to tell it apart. */
export const KeyNameModal = ({ open, title, initial, loading, onSubmit, onClose }: NameProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const showError = useShowError();
  // A refusal that is not about the name (an unverified e-mail, the key limit) stays readable here.
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ name: initial ?? '' });
      setRefusal(null);
    }
  }, [open, initial, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'key-name-submit' } as ButtonProps}
      destroyOnHidden
    >
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="key-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit(v.name, (err) => {
            showError(err, form);
            setRefusal(isApiError(err) ? err.problem.detail : null);
          })
        }
      >
        <Form.Item
          name="name"
          label={t('openAccess.keys.name')}
          extra={t('openAccess.keys.nameHint')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('openAccess.keys.nameRule') }]}
        >
          <Input data-testid="key-name-input" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Calls per day and dataset over the last 30 days. */
export const KeyUsageModal = ({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const usage = useKeyUsage(apiKey?.id ?? null);
  return (
    <Modal
      open={apiKey !== null}
      title={t('openAccess.keys.usageTitle', { name: apiKey?.name ?? '' })}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      <Table
        size="small"
        rowKey={(r) => `${r.day}/${r.dataset}`}
        loading={usage.isPending}
        dataSource={usage.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('openAccess.keys.noUsage')} /> }}
        data-testid="key-usage-table"
        columns={[
          { title: t('openAccess.keys.day'), dataIndex: 'day' },
          {
            title: t('openAccess.keys.dataset'),
            dataIndex: 'dataset',
            render: (d: string) =>
              d ? (
                <Typography.Text code>{d}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('openAccess.keys.catalogue')}</Typography.Text>
              ),
          },
          { title: t('openAccess.keys.calls'), dataIndex: 'calls', align: 'right' },
          { title: t('openAccess.keys.errors'), dataIndex: 'errors', align: 'right' },
        ]}
      />
    </Modal>
  );
};
