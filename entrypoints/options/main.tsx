import { render } from 'preact';
import '../../components/ui.css';
import { OptionsApp } from './App.tsx';

render(<OptionsApp />, document.getElementById('app')!);
