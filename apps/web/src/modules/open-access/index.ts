export { ApplyButton } from './apply-button';
