import { SubjectKeyType } from '@shuzhi/contracts';
import { App, type ButtonProps, Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { type ElementRow, useDataset } from './catalog-api';
import { useUpdateElementKey } from './conflicts-api';

type Props = { element: ElementRow | null; onClose: () => void };
type Values = { keyField: string; keyType: SubjectKeyType };

/** Names the authoritative field that identifies whom a value is about, and what kind of key it is. */
export const ElementKeyModal = ({ element, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateElementKey();
  const showError = useShowError();
  const { data: dataset, isFetching } = useDataset(element?.authoritativeDatasetId);

  useEffect(() => {
    if (element) form.setFieldsValue({ keyField: element.keyField ?? undefined, keyType: element.keyType });
  }, [element, form]);

  const submit = (v: Values) =>
    element &&
    update.mutate(
      { code: element.code, ...v },
      {
        onSuccess: () => {
          void message.success(t('catalog.elements.keySaved'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open={!!element}
      title={t('catalog.elements.setKeyTitle', { name: element?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'element-key-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} name="element-key" layout="vertical" onFinish={submit}>
        <Form.Item
          name="keyField"
          label={t('catalog.elements.keyField')}
          extra={t('catalog.elements.keyFieldHint')}
          rules={[{ required: true, message: t('catalog.elements.keyFieldRequired') }]}
        >
          <Select
            aria-label={t('catalog.elements.keyField')}
            virtual={false}
            loading={isFetching}
            placeholder={t('catalog.elements.keyFieldPlaceholder')}
            options={(dataset?.fields ?? [])
              .filter((f) => f.key)
              .map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))}
          />
        </Form.Item>
        <Form.Item name="keyType" label={t('catalog.elements.keyType')} rules={[{ required: true }]}>
          <Select
            aria-label={t('catalog.elements.keyType')}
            virtual={false}
            options={SubjectKeyType.options.map((k) => ({
              value: k,
              label: t(`catalog.elements.keyTypes.${k}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
