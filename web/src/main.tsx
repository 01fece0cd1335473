import { render } from 'preact';
import { App } from './components/App';
import { loadToken } from './lib/session';
import './styles.css';

loadToken();
const root = document.getElementById('app');
if (root) {
  render(<App />, root);
}
