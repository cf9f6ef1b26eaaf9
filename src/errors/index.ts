export { InvalidInputError, OptionsError, problemsMessage, describeValue, type InputProblem, type FoundProblem } from './invalidInput';
