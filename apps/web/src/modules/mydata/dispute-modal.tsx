import type { Holding } from '@shuzhi/contracts';
import { App, type ButtonProps, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useRaiseDispute } from './mydata-api';

export type DisputeTarget = { holding: Holding; record: Holding['records'][number] };

type Values = { field?: string; text: string };

/** 提出异议: a record of a dataset holding my data is wrong; which field, and what is right. */
export const DisputeModal = ({ target, onClose }: { target: DisputeTarget | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseDispute();
  const showError = useShowError();
  const holding = target?.holding;
  const keyText = target
    ? Object.entries(target.record.key)
        .map(([k, v]) => `${holding?.fields.find((f) => f.name === k)?.title ?? k}: ${v}`)
        .join('，')
    : '';
  return (
    <Modal
      open={target !== null}
      title={t('myData.dispute.title')}
      okText={t('myData.dispute.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      okButtonProps={{ 'data-testid': 'mydata-dispute-submit' } as ButtonProps}
      destroyOnHidden
    >
      {target && holding && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'ds',
                label: t('myData.dispute.dataset'),
                children: `${holding.datasetName}（${holding.datasetCode}）`,
              },
              { key: 'rec', label: t('myData.dispute.record'), children: keyText },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            name="mydata-dispute"
            onFinish={(v) =>
              raise.mutate(
                {
                  datasetCode: holding.datasetCode,
                  recordKey: target.record.key,
                  field: v.field || undefined,
                  text: v.text.trim(),
                },
                {
                  onSuccess: (c) => {
                    void message.success(t('myData.dispute.submitted', { deadline: c.deadline }));
                    onClose();
                  },
                  onError: (err) => showError(err, form),
                },
              )
            }
          >
            <Form.Item name="field" label={t('myData.dispute.field')}>
              <Select
                virtual={false}
                allowClear
                placeholder={t('myData.dispute.fieldPlaceholder')}
                options={holding.fields.map((f) => ({ value: f.name, label: f.title }))}
                data-testid="mydata-dispute-field"
              />
            </Form.Item>
            <Form.Item
              name="text"
              label={t('myData.dispute.text')}
              rules={[{ required: true, whitespace: true, min: 5, message: t('myData.dispute.rules.text') }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t('myData.dispute.textPlaceholder')}
                data-testid="mydata-dispute-text"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
};
