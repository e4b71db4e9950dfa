import { render } from 'preact';
import '../../components/card.css';
import '../../components/ui.css';
import { SidePanelApp } from './App.tsx';

render(<SidePanelApp />, document.getElementById('app')!);
