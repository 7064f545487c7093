import type { ElementConflict } from '@shuzhi/contracts';
import { App, type ButtonProps, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useResolveConflict } from './conflicts-api';

type Props = { conflict: ElementConflict | null; onClose: () => void };

/** An owner's data officer settles a conflict; the note stays with it and goes to the ledger. */
export const ConflictResolveModal = ({ conflict, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useResolveConflict();
  const showError = useShowError();

  useEffect(() => {
    if (conflict) form.resetFields();
  }, [conflict, form]);

  const submit = ({ note }: { note: string }) =>
    conflict &&
    resolve.mutate(
      { id: conflict.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('catalog.conflicts.resolvedMsg'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open={!!conflict}
      title={t('catalog.conflicts.resolveTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={resolve.isPending}
      okButtonProps={{ 'data-testid': 'conflict-resolve-submit' } as ButtonProps}
      forceRender
    >
      {conflict && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('catalog.conflicts.element')}>{conflict.elementName}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.conflicts.subject')}>{conflict.subjectKey}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.conflicts.authoritative')}>
            {conflict.authoritative.value} · {conflict.authoritative.datasetName}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.conflicts.other')}>
            {conflict.other.value} · {conflict.other.datasetName}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} name="conflict-resolve" layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={t('catalog.conflicts.note')}
          rules={[
            { required: true, whitespace: true, max: 500, message: t('catalog.conflicts.noteRequired') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('catalog.conflicts.notePlaceholder')}
            data-testid="conflict-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
