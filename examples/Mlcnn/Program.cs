// mlcnn: the command line of Microsoft.ML.Cnn (train, evaluate, score, summary). The commands live in this project's
// Commands/ folder and run in-process from the tests through MlcnnApp.Run.
using Microsoft.ML.Cnn.Mlcnn;
using Microsoft.ML.Cnn.Mlcnn.Terminal;

return MlcnnApp.Run(args, CommandConsole.ForProcess());
