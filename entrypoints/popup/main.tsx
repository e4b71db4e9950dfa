import { render } from 'preact';
import '../../components/card.css';
import '../../components/ui.css';
import { PopupApp } from './App.tsx';

render(<PopupApp />, document.getElementById('app')!);
