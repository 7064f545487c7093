import { type ButtonProps, Form, type FormInstance, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  open: boolean;
  title: string;
  label: string;
  hint?: string;
  okText: string;
  danger?: boolean;
  loading: boolean;
  max?: number;
  testId: string;
  onClose: () => void;
  /** Called with the text, and the form to put the server's field messages on. */
  onSubmit: (text: string, form: FormInstance) => void;
};

/** One required text (a reason, a question, an answer) and a confirming button. */
export const TextModal = (p: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: p.danger, 'data-testid': `${p.testId}-submit` } as ButtonProps}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      confirmLoading={p.loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => p.onSubmit(v.text.trim(), form)}>
        <Form.Item
          name="text"
          label={p.label}
          extra={p.hint}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: p.max ?? 1000,
              message: t('sharing.detail.rules.text'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={p.max ?? 1000} data-testid={`${p.testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
