<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>core.autograd_check</name>
    <message>
        <source>Unknown loss {loss!r}; choose one of {choices}.</source>
        <translation>Fonction de perte inconnue {loss!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>Cross-entropy needs classes; for a regression output choose MSE or MAE.</source>
        <translation>L'entropie croisée a besoin de classes ; pour une sortie de régression, choisissez MSE ou MAE.</translation>
    </message>
</context>
<context>
    <name>core.codegen</name>
    <message>
        <source>Showing the code for {name} needs the loaded data; load it on the Data tab first.</source>
        <translation>Pour montrer le code de {name}, il faut les données chargées ; chargez-les d'abord dans l'onglet Données.</translation>
    </message>
    <message>
        <source>The loaded data is {loaded}, not {name}.</source>
        <translation>Les données chargées sont {loaded}, pas {name}.</translation>
    </message>
    <message>
        <source>The data has {count:,} images, too many to put into a script (at most {limit:,}).</source>
        <translation>Les données comptent {count:,} images, trop pour les mettre dans un script (au plus {limit:,}).</translation>
    </message>
</context>
<context>
    <name>core.datasets</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/haut</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Pantalon</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pull</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Robe</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Manteau</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Chemise</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Basket</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Sac</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Bottine</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>bleu</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>unsigned byte</source>
        <translation>octet non signé</translation>
    </message>
    <message>
        <source>signed byte</source>
        <translation>octet signé</translation>
    </message>
    <message>
        <source>16-bit integer</source>
        <translation>entier 16 bits</translation>
    </message>
    <message>
        <source>32-bit integer</source>
        <translation>entier 32 bits</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>flottant 32 bits</translation>
    </message>
    <message>
        <source>64-bit float</source>
        <translation>flottant 64 bits</translation>
    </message>
    <message>
        <source>the server sent a web page instead of the data file, so a captive portal (a Wi-Fi login page) or a proxy on your network may be intercepting downloads</source>
        <translation>le serveur a envoyé une page web au lieu du fichier de données : un portail captif (une page de connexion Wi-Fi) ou un proxy de votre réseau intercepte peut-être les téléchargements</translation>
    </message>
    <message>
        <source>There is no dataset called {name!r}; choose one of: {names}.</source>
        <translation>Il n'existe aucun jeu de données nommé {name!r} ; choisissez parmi : {names}.</translation>
    </message>
    <message>
        <source>Cannot show inputs of shape {shape} as images; expected 784 values per image.</source>
        <translation>Impossible d'afficher des entrées de forme {shape} comme des images ; il faut 784 valeurs par image.</translation>
    </message>
    <message>
        <source>{path} is damaged: its compressed data is cut short or fails its integrity check.</source>
        <translation>{path} est endommagé : ses données compressées sont tronquées ou échouent au contrôle d'intégrité.</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>{path} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
        <source>{path} holds more data than its header announces ({count:,} items); it is damaged or not an MNIST-style file.</source>
        <translation>{path} contient plus de données que son en-tête n'en annonce ({count:,} éléments) ; il est endommagé ou n'est pas un fichier de type MNIST.</translation>
    </message>
    <message>
        <source>{path} has label {label} at position {position:,}; labels must be digits 0 to 9.</source>
        <translation>{path} contient l'étiquette {label} à la position {position:,} ; les étiquettes doivent être des chiffres de 0 à 9.</translation>
    </message>
    <message>
        <source>{path} is not an IDX data file (its first bytes are not an IDX header).</source>
        <translation>{path} n'est pas un fichier de données IDX (ses premiers octets ne forment pas un en-tête IDX).</translation>
    </message>
    <message>
        <source>unknown (type code 0x{code:02X})</source>
        <translation>inconnu (code de type 0x{code:02X})</translation>
    </message>
    <message>
        <source>{path} stores {kind} values; MNIST-style files store unsigned bytes.</source>
        <translation>{path} stocke des valeurs de type {kind} ; les fichiers de type MNIST stockent des octets non signés.</translation>
    </message>
    <message>
        <source>{path} holds {dimensions}-dimensional data; expected images (3 dimensions) or labels (1 dimension).</source>
        <translation>{path} contient des données à {dimensions} dimensions ; il faut des images (3 dimensions) ou des étiquettes (1 dimension).</translation>
    </message>
    <message>
        <source>{path} holds no items (its header says 0).</source>
        <translation>{path} ne contient aucun élément (son en-tête indique 0).</translation>
    </message>
    <message>
        <source>{path} is too large: its header announces {count:,} items and MLP Studio reads at most {maximum:,}.</source>
        <translation>{path} est trop volumineux : son en-tête annonce {count:,} éléments et MLP Studio en lit au plus {maximum:,}.</translation>
    </message>
    <message>
        <source>{path} holds {rows}×{cols} images; MLP Studio needs 28×28 pixels.</source>
        <translation>{path} contient des images de {rows}×{cols} ; MLP Studio a besoin de 28×28 pixels.</translation>
    </message>
    <message>
        <source>{path} is too short to be an IDX data file (its header is incomplete).</source>
        <translation>{path} est trop court pour être un fichier de données IDX (son en-tête est incomplet).</translation>
    </message>
    <message>
        <source>{path} is cut short: its header announces {count:,} items but the data ends after {done:,}.</source>
        <translation>{path} est tronqué : son en-tête annonce {count:,} éléments mais les données s'arrêtent après {done:,}.</translation>
    </message>
    <message>
        <source>{path} holds labels, not images (the images and labels files look swapped).</source>
        <translation>{path} contient des étiquettes, pas des images (les fichiers d'images et d'étiquettes semblent intervertis).</translation>
    </message>
    <message>
        <source>{path} holds labels, not images.</source>
        <translation>{path} contient des étiquettes, pas des images.</translation>
    </message>
    <message>
        <source>{path} holds images, not labels.</source>
        <translation>{path} contient des images, pas des étiquettes.</translation>
    </message>
    <message>
        <source>{images_path} holds {images:,} images but {labels_path} holds {labels:,} labels; they must come in matching pairs.</source>
        <translation>{images_path} contient {images:,} images mais {labels_path} contient {labels:,} étiquettes ; les deux fichiers doivent se correspondre.</translation>
    </message>
    <message>
        <source>The random seed must be a whole number from 0 upwards, not {seed!r}.</source>
        <translation>La graine aléatoire doit être un nombre entier supérieur ou égal à 0, pas {seed!r}.</translation>
    </message>
    <message>
        <source>{what} has only {n} examples, too few to split into training, validation and test sets.</source>
        <translation>{what} ne contient que {n} exemples, trop peu pour le diviser en jeux d'entraînement, de validation et de test.</translation>
    </message>
    <message>
        <source>the copy downloaded into {folder}</source>
        <translation>la copie téléchargée dans {folder}</translation>
    </message>
    <message>
        <source>Debian's system copy in {folder}</source>
        <translation>la copie système de Debian dans {folder}</translation>
    </message>
    <message>
        <source>the files in {folder}</source>
        <translation>les fichiers de {folder}</translation>
    </message>
    <message>
        <source>{folder} holds no {name} files: it needs train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz, or the t10k pair (compressed or not).</source>
        <translation>{folder} ne contient aucun fichier {name} : il faut train-images-idx3-ubyte.gz et train-labels-idx1-ubyte.gz, ou la paire t10k (compressés ou non).</translation>
    </message>
    <message>
        <source>{name} is not on this computer yet: download it or choose a folder that holds its files.</source>
        <translation>{name} n'est pas encore sur cet ordinateur : téléchargez-le ou choisissez un dossier qui contient ses fichiers.</translation>
    </message>
    <message>
        <source>{name} from {where}: {n:,} training images ({val:,} of them kept aside for validation) and {test:,} test images.</source>
        <translation>{name} provenant de {where} : {n:,} images d'entraînement (dont {val:,} mises de côté pour la validation) et {test:,} images de test.</translation>
    </message>
    <message>
        <source>{name} from {where}: only its training set ({count:,} images) is there, so it was split {sizes} for training, validation and test.</source>
        <translation>{name} provenant de {where} : seul son jeu d'entraînement ({count:,} images) est présent, il a donc été divisé en {sizes} pour l'entraînement, la validation et le test.</translation>
    </message>
    <message>
        <source>{name} from {where}: only its test set ({count:,} images) is there, so it was split {sizes} for training, validation and test.</source>
        <translation>{name} provenant de {where} : seul son jeu de test ({count:,} images) est présent, il a donc été divisé en {sizes} pour l'entraînement, la validation et le test.</translation>
    </message>
    <message>
        <source>{origin} gave images of shape {shape} ({dtype}); expected uint8 28×28 images.</source>
        <translation>{origin} a fourni des images de forme {shape} ({dtype}) ; il faut des images uint8 de 28×28.</translation>
    </message>
    <message>
        <source>{origin} gave {labels} labels for {images} images, or labels outside 0 to 9.</source>
        <translation>{origin} a fourni {labels} étiquettes pour {images} images, ou des étiquettes hors de l'intervalle 0 à 9.</translation>
    </message>
    <message>
        <source>Synthetic digits are not available in this version of MLP Studio.</source>
        <translation>Les chiffres synthétiques ne sont pas disponibles dans cette version de MLP Studio.</translation>
    </message>
    <message>
        <source>The synthetic digit generator</source>
        <translation>Le générateur de chiffres synthétiques</translation>
    </message>
    <message>
        <source>Synthetic digits drawn by MLP Studio (seed {seed}): {n:,} training images ({val:,} kept aside for validation) and {test:,} test images.</source>
        <translation>Chiffres synthétiques dessinés par MLP Studio (graine {seed}) : {n:,} images d'entraînement (dont {val:,} mises de côté pour la validation) et {test:,} images de test.</translation>
    </message>
    <message>
        <source>My digits is not available in this version of MLP Studio.</source>
        <translation>Le jeu de données « My digits » n'est pas disponible dans cette version de MLP Studio.</translation>
    </message>
    <message>
        <source>Your digit collection</source>
        <translation>Votre collection de chiffres</translation>
    </message>
    <message>
        <source>My digits needs at least 10 drawings to train on; you have saved {count} so far.</source>
        <translation>Le jeu de données « My digits » nécessite au moins 10 dessins pour l'entraînement ; vous en avez enregistré {count} pour l'instant.</translation>
    </message>
    <message>
        <source>Your own {count} drawn digits, split {sizes} for training, validation and test (80/20 between training and test; validation comes out of the training part).</source>
        <translation>Vos {count} chiffres dessinés, divisés en {sizes} pour l'entraînement, la validation et le test (80/20 entre entraînement et test ; la validation est prise sur la partie entraînement).</translation>
    </message>
    <message>
        <source>The lecture's caveman data, potatoes eaten (x) against apples collected (y): three points, also used as the validation and test sets.</source>
        <translation>Les données de l'homme des cavernes du cours, pommes de terre mangées (x) contre pommes cueillies (y) : trois points, utilisés aussi comme jeux de validation et de test.</translation>
    </message>
    <message>
        <source>Generated by MLP Studio: {formula} plus noise (σ = {noise:g}) at {points} random x in [−3, 3], seed {seed}.</source>
        <translation>Généré par MLP Studio : {formula} plus du bruit (σ = {noise:g}) en {points} valeurs de x aléatoires dans [−3, 3], graine {seed}.</translation>
    </message>
    <message>
        <source>two Gaussian blobs</source>
        <translation>deux nuages gaussiens</translation>
    </message>
    <message>
        <source>a disc inside a ring</source>
        <translation>un disque à l'intérieur d'un anneau</translation>
    </message>
    <message>
        <source>the four quadrants of XOR</source>
        <translation>les quatre quadrants du XOR</translation>
    </message>
    <message>
        <source>two interleaved spirals</source>
        <translation>deux spirales entrelacées</translation>
    </message>
    <message>
        <source>Generated by MLP Studio: {shape}, {points} points (noise σ = {noise:g}, seed {seed}).</source>
        <translation>Généré par MLP Studio : {shape}, {points} points (bruit σ = {noise:g}, graine {seed}).</translation>
    </message>
    <message>
        <source>The noise level must be a number from 0 upwards, not {noise!r}.</source>
        <translation>Le niveau de bruit doit être un nombre supérieur ou égal à 0, pas {noise!r}.</translation>
    </message>
    <message>
        <source>The {name} download was cancelled; the unfinished file was removed and the finished ones were kept.</source>
        <translation>Le téléchargement de {name} a été annulé ; le fichier inachevé a été supprimé et les fichiers terminés ont été conservés.</translation>
    </message>
    <message>
        <source>gave up: the whole download may take at most {deadline:g} s</source>
        <translation>abandon : le téléchargement complet peut durer au plus {deadline:g} s</translation>
    </message>
    <message>
        <source>{name} is made by MLP Studio itself and needs no download.</source>
        <translation>{name} est produit par MLP Studio lui-même et n'a pas besoin d'être téléchargé.</translation>
    </message>
    <message>
        <source>Downloads are disabled on this computer (MLP_STUDIO_NO_DOWNLOAD is set), so {name} was not downloaded.</source>
        <translation>Les téléchargements sont désactivés sur cet ordinateur (MLP_STUDIO_NO_DOWNLOAD est définie), donc {name} n'a pas été téléchargé.</translation>
    </message>
    <message>
        <source>Cannot create the folder for {name} ({reason}).</source>
        <translation>Impossible de créer le dossier pour {name} ({reason}).</translation>
    </message>
    <message>
        <source>{url}: {reason}</source>
        <translation>{url} : {reason}</translation>
    </message>
    <message>
        <source>Could not download {file} for {name} ({failures}). Check the internet connection, or download the files yourself and choose their folder.</source>
        <translation>Impossible de télécharger {file} pour {name} ({failures}). Vérifiez la connexion à Internet, ou téléchargez les fichiers vous-même et choisissez leur dossier.</translation>
    </message>
    <message>
        <source>the file's checksum does not match the published one, so it was damaged on the way or is a different file</source>
        <translation>la somme de contrôle du fichier ne correspond pas à celle publiée : il a été endommagé en route ou c'est un autre fichier</translation>
    </message>
    <message>
        <source>the server redirected too many times (a redirect loop)</source>
        <translation>le serveur a redirigé trop de fois (une boucle de redirection)</translation>
    </message>
    <message>
        <source>the server answered HTTP {code} {reason}</source>
        <translation>le serveur a répondu HTTP {code} {reason}</translation>
    </message>
    <message>
        <source>the server sent nothing for {timeout:g} s</source>
        <translation>le serveur n'a rien envoyé pendant {timeout:g} s</translation>
    </message>
    <message>
        <source>the secure connection failed ({reason})</source>
        <translation>la connexion sécurisée a échoué ({reason})</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>la connexion a été refusée</translation>
    </message>
    <message>
        <source>the server's name could not be found (is this computer online?)</source>
        <translation>le nom du serveur est introuvable (cet ordinateur est-il connecté à Internet ?)</translation>
    </message>
    <message>
        <source>the connection failed ({reason})</source>
        <translation>la connexion a échoué ({reason})</translation>
    </message>
    <message>
        <source>the server sent far more data than the file can hold</source>
        <translation>le serveur a envoyé bien plus de données que le fichier ne peut en contenir</translation>
    </message>
    <message>
        <source>the transfer was cut short ({received:,} of {length:,} bytes arrived)</source>
        <translation>le transfert a été interrompu ({received:,} octets reçus sur {length:,})</translation>
    </message>
    <message>
        <source>Could not save {path} ({reason}).</source>
        <translation>Impossible d'enregistrer {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>core.descent</name>
    <message>
        <source>diverged</source>
        <translation>divergé</translation>
    </message>
    <message>
        <source>The learning rate must be a positive number.</source>
        <translation>Le taux d'apprentissage doit être un nombre positif.</translation>
    </message>
    <message>
        <source>update = −lr × g = −{lr} × g = {update}</source>
        <translation>mise à jour = −lr × g = −{lr} × g = {update}</translation>
    </message>
    <message>
        <source>velocity v ← {momentum:g} × v + g = {velocity}</source>
        <translation>vitesse v ← {momentum:g} × v + g = {velocity}</translation>
    </message>
    <message>
        <source>update = −lr × v = −{lr} × v = {update}</source>
        <translation>mise à jour = −lr × v = −{lr} × v = {update}</translation>
    </message>
    <message>
        <source>mean square s ← {alpha:g} × s + {rest:g} × g² = {square}</source>
        <translation>moyenne des carrés s ← {alpha:g} × s + {rest:g} × g² = {square}</translation>
    </message>
    <message>
        <source>update = −lr × g / (√s + ε) = {update}</source>
        <translation>mise à jour = −lr × g / (√s + ε) = {update}</translation>
    </message>
    <message>
        <source>update = −lr × m̂ / (√v̂ + ε) = {update}</source>
        <translation>mise à jour = −lr × m̂ / (√v̂ + ε) = {update}</translation>
    </message>
    <message>
        <source>gradient g = {gradient}</source>
        <translation>gradient g = {gradient}</translation>
    </message>
    <message>
        <source>Unknown optimizer '{name}'; choose one of {choices}.</source>
        <translation>Optimiseur inconnu « {name} » ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>the terrain has no height at the start</source>
        <translation>le terrain n'a pas de hauteur au point de départ</translation>
    </message>
    <message>
        <source>the slope is already zero here</source>
        <translation>la pente est déjà nulle ici</translation>
    </message>
    <message>
        <source>step {step} would have been infinite</source>
        <translation>l'étape {step} aurait été infinie</translation>
    </message>
    <message>
        <source>step {step} would leave the terrain (no finite height there)</source>
        <translation>l'étape {step} sortirait du terrain (pas de hauteur finie à cet endroit)</translation>
    </message>
    <message>
        <source>it left the map</source>
        <translation>il est sorti de la carte</translation>
    </message>
    <message>
        <source>each step is bigger than the last and the loss keeps rising</source>
        <translation>chaque pas est plus grand que le précédent et la perte ne cesse de monter</translation>
    </message>
    <message>
        <source>it jumps back and forth a little further every time</source>
        <translation>il saute d'un côté à l'autre un peu plus loin à chaque fois</translation>
    </message>
    <message>
        <source>Converged in {steps} {plural}: {reason}.</source>
        <translation>A convergé en {steps} {plural} : {reason}.</translation>
    </message>
    <message>
        <source>Converged in {steps} {plural}.</source>
        <translation>A convergé en {steps} {plural}.</translation>
    </message>
    <message>
        <source>Oscillates, does not converge: after {steps} {plural} it still jumps back and forth by the same amount (on a bowl this happens exactly at lr = 2/L).</source>
        <translation>Oscille, ne converge pas : après {steps} {plural}, il saute encore d'un côté à l'autre de la même distance (sur une cuvette, cela arrive exactement pour lr = 2/L).</translation>
    </message>
    <message>
        <source>Diverged before the first step: {reason}.</source>
        <translation>A divergé avant le premier pas : {reason}.</translation>
    </message>
    <message>
        <source>the first step is not finite</source>
        <translation>le premier pas n'est pas fini</translation>
    </message>
    <message>
        <source>Diverged after {steps} {plural}: {reason}.</source>
        <translation>A divergé après {steps} {plural} : {reason}.</translation>
    </message>
    <message>
        <source>the steps keep growing</source>
        <translation>les pas ne cessent de grandir</translation>
    </message>
    <message>
        <source>Stopped after {steps} {plural} without converging (the step budget ran out).</source>
        <translation>Arrêté après {steps} {plural} sans converger (le nombre d'étapes autorisé est épuisé).</translation>
    </message>
    <message>
        <source>{steps} {plural} so far.</source>
        <translation>{steps} {plural} jusqu'ici.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>étapes</translation>
    </message>
    <message>
        <source>converged in {steps} {plural}</source>
        <translation>a convergé en {steps} {plural}</translation>
    </message>
    <message>
        <source>oscillates forever (seen after {steps} {plural})</source>
        <translation>oscille sans fin (constaté après {steps} {plural})</translation>
    </message>
    <message>
        <source>diverged after {steps} {plural}</source>
        <translation>a divergé après {steps} {plural}</translation>
    </message>
    <message>
        <source>not there after {steps} {plural}</source>
        <translation>pas encore arrivé après {steps} {plural}</translation>
    </message>
    <message>
        <source>running, {steps} {plural}</source>
        <translation>en cours, {steps} {plural}</translation>
    </message>
    <message>
        <source>{name}: {outcome}, loss {loss}</source>
        <translation>{name} : {outcome}, perte {loss}</translation>
    </message>
    <message>
        <source>{count} in the global minimum</source>
        <translation>{count} dans le minimum global</translation>
    </message>
    <message>
        <source>{count} in a local minimum</source>
        <translation>{count} dans un minimum local</translation>
    </message>
    <message>
        <source>{count} on a hilltop</source>
        <translation>{count} au sommet d'une colline</translation>
    </message>
    <message>
        <source>{count} stuck on flat ground</source>
        <translation>{count} bloquée(s) sur un terrain plat</translation>
    </message>
    <message>
        <source>{count} diverged</source>
        <translation>{count} en divergence</translation>
    </message>
    <message>
        <source>{count} still bouncing</source>
        <translation>{count} rebondissant encore</translation>
    </message>
    <message>
        <source>{count} still walking</source>
        <translation>{count} encore en marche</translation>
    </message>
    <message>
        <source>This is the global minimum: the lowest valley.</source>
        <translation>C'est le minimum global : la vallée la plus basse.</translation>
    </message>
    <message>
        <source>This is a local minimum: a valley, but not the lowest one.</source>
        <translation>C'est un minimum local : une vallée, mais pas la plus basse.</translation>
    </message>
    <message>
        <source>This is a hilltop (local maximum): the slope is zero, but any nudge rolls you off.</source>
        <translation>C'est un sommet (maximum local) : la pente est nulle, mais la moindre poussée vous fait dévaler.</translation>
    </message>
    <message>
        <source>The ground is flat here, but it is not a valley bottom (a shoulder or a plateau).</source>
        <translation>Le terrain est plat ici, mais ce n'est pas un fond de vallée (un épaulement ou un plateau).</translation>
    </message>
    <message>
        <source>{move}: you went downhill by {change}</source>
        <translation>{move} : vous êtes descendu de {change}</translation>
    </message>
    <message>
        <source>{move}: you went uphill by {change}</source>
        <translation>{move} : vous êtes monté de {change}</translation>
    </message>
    <message>
        <source>{move}: you went level</source>
        <translation>{move} : vous êtes resté au même niveau</translation>
    </message>
    <message>
        <source>slope = {slope}</source>
        <translation>pente = {slope}</translation>
    </message>
    <message>
        <source>(flat)</source>
        <translation>(plat)</translation>
    </message>
    <message>
        <source>(ground falls to the right)</source>
        <translation>(le terrain descend vers la droite)</translation>
    </message>
    <message>
        <source>(ground falls to the left)</source>
        <translation>(le terrain descend vers la gauche)</translation>
    </message>
</context>
<context>
    <name>core.formula</name>
    <message>
        <source>This formula needs {count} coordinate(s).</source>
        <translation>Cette formule demande {count} coordonnée(s).</translation>
    </message>
    <message>
        <source>The formula must be text.</source>
        <translation>La formule doit être du texte.</translation>
    </message>
    <message>
        <source>Type a formula, for example x**4 - 3*x**2 + x.</source>
        <translation>Tapez une formule, par exemple x**4 - 3*x**2 + x.</translation>
    </message>
    <message>
        <source>The formula is too long: keep it under {limit} characters.</source>
        <translation>La formule est trop longue : restez sous {limit} caractères.</translation>
    </message>
    <message>
        <source>The formula contains characters that cannot be typed in a formula.</source>
        <translation>La formule contient des caractères qui ne peuvent pas figurer dans une formule.</translation>
    </message>
    <message>
        <source>Could not read '{text}': write a * between a number and a name (3*x, not 3x).</source>
        <translation>Impossible de lire « {text} » : écrivez un * entre un nombre et un nom (3*x, pas 3x).</translation>
    </message>
    <message>
        <source>Could not read '{text}': the brackets do not match.</source>
        <translation>Impossible de lire « {text} » : les parenthèses ne correspondent pas.</translation>
    </message>
    <message>
        <source>Could not read '{text}' as a formula; check for a missing operator or bracket.</source>
        <translation>Impossible de lire « {text} » comme une formule ; vérifiez qu'il ne manque pas un opérateur ou une parenthèse.</translation>
    </message>
    <message>
        <source>The formula is too deeply nested or too long; please simplify it.</source>
        <translation>La formule est trop imbriquée ou trop longue ; simplifiez-la.</translation>
    </message>
    <message>
        <source>Only plain numbers are allowed in a formula (no text, no complex numbers).</source>
        <translation>Seuls des nombres simples sont permis dans une formule (pas de texte, pas de nombres complexes).</translation>
    </message>
    <message>
        <source>The number {value} is too large: keep numbers below {limit:g}.</source>
        <translation>Le nombre {value} est trop grand : gardez les nombres sous {limit:g}.</translation>
    </message>
    <message>
        <source>A number in the formula is too large: keep numbers below {limit:g}.</source>
        <translation>Un nombre de la formule est trop grand : gardez les nombres sous {limit:g}.</translation>
    </message>
    <message>
        <source>The name '{name}' is a function: write it with brackets, like {name}(x).</source>
        <translation>Le nom « {name} » est une fonction : écrivez-le avec des parenthèses, comme {name}(x).</translation>
    </message>
    <message>
        <source>Unknown name '{name}'. Use {variables}, pi, e, or one of the functions {functions}.</source>
        <translation>Nom inconnu « {name} ». Utilisez {variables}, pi, e ou l'une des fonctions {functions}.</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>The operator '{symbol}' is not allowed; use + - * / and ** only.</source>
        <translation>L'opérateur « {symbol} » n'est pas permis ; utilisez seulement + - * / et **.</translation>
    </message>
    <message>
        <source>The exponent must be a plain number such as 2 or 0.5; use exp(...) for exponentials.</source>
        <translation>L'exposant doit être un nombre simple comme 2 ou 0.5 ; utilisez exp(...) pour les exponentielles.</translation>
    </message>
    <message>
        <source>The exponent is too large: keep powers between -{limit:g} and {limit:g}.</source>
        <translation>L'exposant est trop grand : gardez les puissances entre -{limit:g} et {limit:g}.</translation>
    </message>
    <message>
        <source>Only the functions {functions} can be called, and attribute access (a.b) is not allowed.</source>
        <translation>Seules les fonctions {functions} peuvent être appelées, et l'accès aux attributs (a.b) n'est pas permis.</translation>
    </message>
    <message>
        <source>The name '{name}' is not an allowed function; use one of {functions}.</source>
        <translation>Le nom « {name} » n'est pas une fonction permise ; utilisez l'une des fonctions {functions}.</translation>
    </message>
    <message>
        <source>The function {name} takes exactly one argument, like {name}(x).</source>
        <translation>La fonction {name} prend exactement un argument, comme {name}(x).</translation>
    </message>
    <message>
        <source>numbers, {variables}, pi, e, + - * / ** (or ^), brackets and {functions}</source>
        <translation>des nombres, {variables}, pi, e, + - * / ** (ou ^), des parenthèses et {functions}</translation>
    </message>
    <message>
        <source>Attribute access (a.b) is not allowed in a formula. Allowed: {allowed}.</source>
        <translation>L'accès aux attributs (a.b) n'est pas permis dans une formule. Permis : {allowed}.</translation>
    </message>
    <message>
        <source>Comparisons (&lt;, &gt;, ==) are not allowed in a formula. Allowed: {allowed}.</source>
        <translation>Les comparaisons (&lt;, &gt;, ==) ne sont pas permises dans une formule. Permis : {allowed}.</translation>
    </message>
    <message>
        <source>Indexing with [ ] is not allowed in a formula. Allowed: {allowed}.</source>
        <translation>L'indexation avec [ ] n'est pas permise dans une formule. Permis : {allowed}.</translation>
    </message>
    <message>
        <source>That kind of expression is not allowed in a formula. Allowed: {allowed}.</source>
        <translation>Ce type d'expression n'est pas permis dans une formule. Permis : {allowed}.</translation>
    </message>
</context>
<context>
    <name>core.lessons</name>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>Terrain</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Intérieur</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where} : {problem}</translation>
    </message>
    <message>
        <source>'{key}' must be a non-empty text, not {value!r}.</source>
        <translation>'{key}' doit être un texte non vide, et non {value!r}.</translation>
    </message>
    <message>
        <source>'{key}' is longer than {limit} characters.</source>
        <translation>'{key}' dépasse {limit} caractères.</translation>
    </message>
    <message>
        <source>'{key}' must be a whole number from {low} to {high}, not {value!r}.</source>
        <translation>'{key}' doit être un nombre entier de {low} à {high}, et non {value!r}.</translation>
    </message>
    <message>
        <source>'{key}' must be a number from {low:g} to {high:g}, not {value!r}.</source>
        <translation>'{key}' doit être un nombre de {low:g} à {high:g}, et non {value!r}.</translation>
    </message>
    <message>
        <source>unknown {key} {value!r}; choose one of: {choices}.</source>
        <translation>valeur inconnue {value!r} pour '{key}' ; choisissez parmi : {choices}.</translation>
    </message>
    <message>
        <source>'{key}' must be true or false, not {value!r}.</source>
        <translation>'{key}' doit valoir true ou false, et non {value!r}.</translation>
    </message>
    <message>
        <source>{what} must be a JSON object {{...}}, not {kind}.</source>
        <translation>{what} doit être un objet JSON {{...}}, et non {kind}.</translation>
    </message>
    <message>
        <source>unknown key {key!r} in {what}; allowed keys are {allowed}.</source>
        <translation>clé inconnue {key!r} dans {what} ; les clés autorisées sont {allowed}.</translation>
    </message>
    <message>
        <source>{what} has no '{key}'.</source>
        <translation>il manque '{key}' dans {what}.</translation>
    </message>
    <message>
        <source>'network' has {count} hidden layers; at most {limit} are allowed.</source>
        <translation>'network' a {count} couches cachées ; {limit} au maximum sont autorisées.</translation>
    </message>
    <message>
        <source>{where}, hidden layer {number}</source>
        <translation>{where}, couche cachée {number}</translation>
    </message>
    <message>
        <source>a hidden layer</source>
        <translation>une couche cachée</translation>
    </message>
    <message>
        <source>'network' must be a preset name or a list of layer sizes, not {value!r}.</source>
        <translation>'network' doit être le nom d'un réseau prédéfini ou une liste de tailles de couches, et non {value!r}.</translation>
    </message>
    <message>
        <source>there is no network preset called {name!r} for the {dataset} data.</source>
        <translation>il n'existe pas de réseau prédéfini nommé {name!r} pour les données {dataset}.</translation>
    </message>
    <message>
        <source>there is no network preset called {name!r} for any dataset.</source>
        <translation>il n'existe de réseau prédéfini nommé {name!r} pour aucun jeu de données.</translation>
    </message>
    <message>
        <source>There is no network preset called {name!r} for data with {inputs} inputs and {outputs} outputs.</source>
        <translation>Il n'existe pas de réseau prédéfini nommé {name!r} pour des données à {inputs} entrées et {outputs} sorties.</translation>
    </message>
    <message>
        <source>'show_me' is empty; remove it or say what to set up.</source>
        <translation>'show_me' est vide ; supprimez-le ou indiquez ce qu'il doit préparer.</translation>
    </message>
    <message>
        <source>a step</source>
        <translation>une étape</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation>le fichier n'est pas du JSON valide (ligne {line}, colonne {column} : {reason}).</translation>
    </message>
    <message>
        <source>the file is nested too deeply to be a lesson.</source>
        <translation>le fichier est trop profondément imbriqué pour être une leçon.</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>la leçon</translation>
    </message>
    <message>
        <source>lesson format version {version!r} is not supported (this MLP Studio reads version {supported}).</source>
        <translation>la version {version!r} du format de leçon n'est pas prise en charge (cette version de MLP Studio lit la version {supported}).</translation>
    </message>
    <message>
        <source>'steps' must be a list of 1 to {limit} steps.</source>
        <translation>'steps' doit être une liste de 1 à {limit} étapes.</translation>
    </message>
    <message>
        <source>{file}, step {number}</source>
        <translation>{file}, étape {number}</translation>
    </message>
    <message>
        <source>the file is larger than {limit} KB; a lesson is a few pages of text.</source>
        <translation>le fichier dépasse {limit} Ko ; une leçon ne fait que quelques pages de texte.</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as UTF-8.</source>
        <translation>le fichier n'est pas du texte UTF-8 ; enregistrez-le en UTF-8.</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason}).</source>
        <translation>le fichier ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
        <source>The lesson folder {folder} cannot be read or does not exist.</source>
        <translation>Le dossier de leçons {folder} est illisible ou n'existe pas.</translation>
    </message>
    <message>
        <source>This step has nothing to set up.</source>
        <translation>Cette étape n'a rien à préparer.</translation>
    </message>
    <message>
        <source>load the {dataset} data</source>
        <translation>charger les données {dataset}</translation>
    </message>
    <message>
        <source>switch to the {tab} tab</source>
        <translation>passer à l'onglet {tab}</translation>
    </message>
    <message>
        <source>start training</source>
        <translation>lancer l'entraînement</translation>
    </message>
    <message>
        <source>Show me will {actions}.</source>
        <translation>« Montre-moi » va {actions}.</translation>
    </message>
    <message>
        <source>use the {network} network</source>
        <translation>utiliser le réseau {network}</translation>
    </message>
    <message>
        <source>use a network without hidden layers</source>
        <translation>utiliser un réseau sans couche cachée</translation>
    </message>
    <message>
        <source>use hidden layers {layers}</source>
        <translation>utiliser les couches cachées {layers}</translation>
    </message>
    <message>
        <source>optimizer {value}</source>
        <translation>optimiseur {value}</translation>
    </message>
    <message>
        <source>learning rate {value}</source>
        <translation>taux d'apprentissage {value}</translation>
    </message>
    <message>
        <source>batch size all</source>
        <translation>lot complet (tous les exemples)</translation>
    </message>
    <message>
        <source>batch size {value}</source>
        <translation>taille de lot {value}</translation>
    </message>
    <message>
        <source>epochs {value}</source>
        <translation>époques {value}</translation>
    </message>
    <message>
        <source>training examples all</source>
        <translation>tous les exemples d'entraînement</translation>
    </message>
    <message>
        <source>training examples {value}</source>
        <translation>exemples d'entraînement {value}</translation>
    </message>
    <message>
        <source>patience {value}</source>
        <translation>patience {value}</translation>
    </message>
</context>
<context>
    <name>core.linear_regression</name>
    <message>
        <source>Batch (all points)</source>
        <translation>Lot complet (tous les points)</translation>
    </message>
    <message>
        <source>Mini-batch (8)</source>
        <translation>Mini-lot (8)</translation>
    </message>
    <message>
        <source>Stochastic (1)</source>
        <translation>Stochastique (1)</translation>
    </message>
</context>
<context>
    <name>core.model_io</name>
    <message>
        <source>This network is too large to save ({size:.0f} MB; MLP Studio keeps model files under {limit} MB).</source>
        <translation>Ce réseau est trop volumineux pour être enregistré ({size:.0f} Mo ; MLP Studio garde les fichiers de modèle sous {limit} Mo).</translation>
    </message>
    <message>
        <source>Could not save the model to {path}: {reason}. The previous file, if any, is unchanged.</source>
        <translation>Impossible d'enregistrer le modèle dans {path} : {reason}. Le fichier précédent, s'il existe, est inchangé.</translation>
    </message>
    <message>
        <source>The model cannot be saved: {reason}</source>
        <translation>Le modèle ne peut pas être enregistré : {reason}</translation>
    </message>
    <message>
        <source>The network {network} has {layers} layers but {matrices} weight matrices were given; nothing was saved.</source>
        <translation>Le réseau {network} a {layers} couches mais {matrices} matrices de poids ont été fournies ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <source>The weights {key} have shape {shape}, but the network {network} needs {expected}; nothing was saved.</source>
        <translation>Les poids {key} ont la forme {shape}, mais le réseau {network} a besoin de {expected} ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <source>The weights hold NaN or infinite values (training diverged); nothing was saved.</source>
        <translation>Les poids contiennent des valeurs NaN ou infinies (l'entraînement a divergé) ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>you do not have permission to write there</source>
        <translation>vous n'avez pas le droit d'écrire à cet endroit</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>le dossier n'existe pas</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>il n'existe pas</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossible de lire {path} : {reason}.</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, too large to be an MLP Studio model file.</source>
        <translation>{path} dépasse {limit} Mo, c'est trop volumineux pour un fichier de modèle MLP Studio.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}.</source>
        <translation>Impossible d'ouvrir {path} : {reason}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a model file.</source>
        <translation>{path} est un dossier, pas un fichier de modèle.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe or a device?); MLP Studio only opens model files it saved.</source>
        <translation>{path} n'est pas un fichier ordinaire (un tube ou un périphérique ?) ; MLP Studio n'ouvre que les fichiers de modèle qu'il a enregistrés.</translation>
    </message>
    <message>
        <source>{path} is empty; it is not a model file.</source>
        <translation>{path} est vide ; ce n'est pas un fichier de modèle.</translation>
    </message>
    <message>
        <source>{path} is {size:.0f} MB, larger than the {limit} MB an MLP Studio model file may have.</source>
        <translation>{path} fait {size:.0f} Mo, plus que les {limit} Mo autorisés pour un fichier de modèle MLP Studio.</translation>
    </message>
    <message>
        <source>{path} is not an MLP Studio model file (it is not a PyTorch archive, or it is damaged or cut short).</source>
        <translation>{path} n'est pas un fichier de modèle MLP Studio (ce n'est pas une archive PyTorch, ou elle est endommagée ou tronquée).</translation>
    </message>
    <message>
        <source>{path} is not an MLP Studio model file (it is a zip archive without PyTorch data).</source>
        <translation>{path} n'est pas un fichier de modèle MLP Studio (c'est une archive zip sans données PyTorch).</translation>
    </message>
    <message>
        <source>{path} is not an MLP Studio model file: it is a TorchScript program, and MLP Studio never runs code from a file.</source>
        <translation>{path} n'est pas un fichier de modèle MLP Studio : c'est un programme TorchScript, et MLP Studio n'exécute jamais de code provenant d'un fichier.</translation>
    </message>
    <message>
        <source>{path} is not an MLP Studio model file (its archive is compressed or claims more than {limit} MB of data).</source>
        <translation>{path} n'est pas un fichier de modèle MLP Studio (son archive est compressée ou annonce plus de {limit} Mo de données).</translation>
    </message>
    <message>
        <source>it holds objects other than plain weights</source>
        <translation>il contient autre chose que de simples poids</translation>
    </message>
    <message>
        <source>it is damaged or was not written by MLP Studio</source>
        <translation>il est endommagé ou n'a pas été écrit par MLP Studio</translation>
    </message>
    <message>
        <source>{path} cannot be loaded: {reason}. Nothing in it was run.</source>
        <translation>{path} ne peut pas être chargé : {reason}. Rien de son contenu n'a été exécuté.</translation>
    </message>
    <message>
        <source>Model files cannot be opened safely while the environment variable {variable} is set; unset it and try again.</source>
        <translation>Les fichiers de modèle ne peuvent pas être ouverts en toute sécurité tant que la variable d'environnement {variable} est définie ; supprimez-la et réessayez.</translation>
    </message>
    <message>
        <source>{path} is a PyTorch file but not an MLP Studio model (it has no '{tag}' tag).</source>
        <translation>{path} est un fichier PyTorch mais pas un modèle MLP Studio (il n'a pas l'étiquette « {tag} »).</translation>
    </message>
    <message>
        <source>{path} was written by a newer or unknown MLP Studio (file version {version!r}; this version reads {supported}).</source>
        <translation>{path} a été écrit par une version plus récente ou inconnue de MLP Studio (version de fichier {version!r} ; cette version lit la {supported}).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{path} has an unexpected structure (missing: {missing}; unknown: {unknown}).</source>
        <translation>{path} a une structure inattendue (manquantes : {missing} ; inconnues : {unknown}).</translation>
    </message>
    <message>
        <source>{path} is damaged: its weights do not match the checksum written when it was saved (a changed byte). Use an intact copy.</source>
        <translation>{path} est endommagé : ses poids ne correspondent pas à la somme de contrôle écrite lors de l'enregistrement (un octet modifié). Utilisez une copie intacte.</translation>
    </message>
    <message>
        <source>extra information</source>
        <translation>informations supplémentaires</translation>
    </message>
    <message>
        <source>network description</source>
        <translation>description du réseau</translation>
    </message>
    <message>
        <source>training settings</source>
        <translation>réglages d'entraînement</translation>
    </message>
    <message>
        <source>The {what} in {path} is not a short JSON text.</source>
        <translation>Dans {path}, la partie « {what} » n'est pas un court texte JSON.</translation>
    </message>
    <message>
        <source>The {what} in {path} is not valid JSON.</source>
        <translation>Dans {path}, la partie « {what} » n'est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The {what} in {path} is not a JSON object.</source>
        <translation>Dans {path}, la partie « {what} » n'est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The network described in {path} cannot be built: {reason}</source>
        <translation>Le réseau décrit dans {path} ne peut pas être construit : {reason}</translation>
    </message>
    <message>
        <source>The training settings in {path} are invalid: {reason}</source>
        <translation>Les réglages d'entraînement de {path} ne sont pas valides : {reason}</translation>
    </message>
    <message>
        <source>{path} names its dataset with something that is not a short text.</source>
        <translation>{path} désigne son jeu de données par autre chose qu'un court texte.</translation>
    </message>
    <message>
        <source>{path} was trained on an unknown dataset {name!r}.</source>
        <translation>{path} a été entraîné sur un jeu de données inconnu, {name!r}.</translation>
    </message>
    <message>
        <source>The network {network} in {path} does not fit the {name} data ({inputs} inputs, {outputs} outputs).</source>
        <translation>Le réseau {network} de {path} ne convient pas aux données {name} ({inputs} entrées, {outputs} sorties).</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>un objet {type}</translation>
    </message>
    <message>
        <source>The weights do not match the network {network}: {path} holds {found} where {expected} are expected.</source>
        <translation>Les poids ne correspondent pas au réseau {network} : {path} contient {found} alors que {expected} sont attendus.</translation>
    </message>
    <message>
        <source>The weights do not match the network {network}: {key} in {path} has shape {got}, expected {shape}.</source>
        <translation>Les poids ne correspondent pas au réseau {network} : {key} dans {path} a la forme {got}, au lieu de {shape}.</translation>
    </message>
    <message>
        <source>{key} in {path} holds {dtype} values; MLP Studio models hold float32.</source>
        <translation>{key} dans {path} contient des valeurs {dtype} ; les modèles MLP Studio contiennent des float32.</translation>
    </message>
    <message>
        <source>The file holds NaN weights (not-a-number or infinite values in {key}), left by a diverged run; {path} cannot be used.</source>
        <translation>Le fichier contient des poids NaN (valeurs non numériques ou infinies dans {key}), laissés par un entraînement qui a divergé ; {path} ne peut pas être utilisé.</translation>
    </message>
</context>
<context>
    <name>core.network_spec</name>
    <message>
        <source>{network} (tiny)</source>
        <translation>{network} (minuscule)</translation>
    </message>
    <message>
        <source>The network description is incomplete or malformed ({problem}).</source>
        <translation>La description du réseau est incomplète ou mal formée ({problem}).</translation>
    </message>
    <message>
        <source>{what} must be a whole number of neurons, not {units!r}.</source>
        <translation>{what} doit avoir un nombre entier de neurones, pas {units!r}.</translation>
    </message>
    <message>
        <source>{what} must have between 1 and {limit} neurons, not {units}.</source>
        <translation>{what} doit avoir entre 1 et {limit} neurones, pas {units}.</translation>
    </message>
    <message>
        <source>The input size must be between 1 and 100000, not {size!r}.</source>
        <translation>La taille de l'entrée doit être comprise entre 1 et 100000, pas {size!r}.</translation>
    </message>
    <message>
        <source>The output layer</source>
        <translation>La couche de sortie</translation>
    </message>
    <message>
        <source>At most {limit} hidden layers are supported, not {count}.</source>
        <translation>Au plus {limit} couches cachées sont possibles, pas {count}.</translation>
    </message>
    <message>
        <source>Hidden layer {index}</source>
        <translation>La couche cachée {index}</translation>
    </message>
    <message>
        <source>Hidden layer {index} has an unknown activation {activation!r}; choose one of {choices}.</source>
        <translation>La couche cachée {index} a une fonction d'activation inconnue {activation!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>Dropout of hidden layer {index} must be between 0 and 0.9, not {dropout!r}.</source>
        <translation>Le dropout de la couche cachée {index} doit être compris entre 0 et 0.9, pas {dropout!r}.</translation>
    </message>
    <message>
        <source>The output activation must be softmax or linear, not {activation!r}.</source>
        <translation>L'activation de sortie doit être softmax ou linear (linéaire), pas {activation!r}.</translation>
    </message>
    <message>
        <source>Unknown weight initialisation {init!r}; choose one of {choices}.</source>
        <translation>Initialisation des poids inconnue {init!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>The network has {count} layers; there is no layer {number}.</source>
        <translation>Le réseau a {count} couches ; il n'y a pas de couche {number}.</translation>
    </message>
    <message>
        <source>784-16-16-10 (the lecture network, 13,002 parameters)</source>
        <translation>784-16-16-10 (le réseau du cours, 13 002 paramètres)</translation>
    </message>
    <message>
        <source>784-128-10 (one wide layer)</source>
        <translation>784-128-10 (une seule couche, large)</translation>
    </message>
    <message>
        <source>linear (no hidden layer)</source>
        <translation>linéaire (sans couche cachée)</translation>
    </message>
    <message>
        <source>1-16-16-1 tanh (smooth curves)</source>
        <translation>1-16-16-1 tanh (courbes lisses)</translation>
    </message>
    <message>
        <source>1-32-1 ReLU (piecewise lines)</source>
        <translation>1-32-1 ReLU (lignes brisées)</translation>
    </message>
    <message>
        <source>linear (a straight line: w·x + b)</source>
        <translation>linéaire (une droite : w·x + b)</translation>
    </message>
</context>
<context>
    <name>core.overfitting</name>
    <message>
        <source>Overfit me</source>
        <translation>Faites-moi surapprendre</translation>
    </message>
    <message>
        <source>Overfit me — cured</source>
        <translation>Faites-moi surapprendre — guéri</translation>
    </message>
    <message>
        <source>not enough epochs yet: train at least 3 epochs to see a trend</source>
        <translation>pas encore assez d'époques : entraînez au moins 3 époques pour voir une tendance</translation>
    </message>
    <message>
        <source>the loss is not a finite number: training diverged — lower the learning rate</source>
        <translation>la perte n'est pas un nombre fini : l'entraînement a divergé — baissez le taux d'apprentissage</translation>
    </message>
    <message>
        <source>there is no validation loss, so overfitting cannot be seen — the data needs a validation split</source>
        <translation>il n'y a pas de perte de validation, donc le surapprentissage ne peut pas se voir — les données ont besoin d'un jeu de validation</translation>
    </message>
    <message>
        <source>validation loss has risen for {n} epochs while training loss falls: the network is memorising the training set</source>
        <translation>la perte de validation monte depuis {n} époques alors que la perte d'entraînement baisse : le réseau apprend le jeu d'entraînement par cœur</translation>
    </message>
    <message>
        <source>training loss is rising: the steps are too large — lower the learning rate</source>
        <translation>la perte d'entraînement monte : les pas sont trop grands — baissez le taux d'apprentissage</translation>
    </message>
    <message>
        <source>training and validation loss are both high: the network underfits — more capacity or more epochs</source>
        <translation>les pertes d'entraînement et de validation sont toutes deux élevées : le réseau sous-apprend — plus de capacité ou plus d'époques</translation>
    </message>
    <message>
        <source>training loss is far below validation loss (gap {gap:.2f}) and validation loss has stopped improving: the network is starting to memorise</source>
        <translation>la perte d'entraînement est bien en dessous de la perte de validation (écart {gap:.2f}) et la perte de validation ne s'améliore plus : le réseau commence à apprendre par cœur</translation>
    </message>
    <message>
        <source>both losses falling: still learning</source>
        <translation>les deux pertes baissent : l'apprentissage continue</translation>
    </message>
    <message>
        <source>validation loss rose this epoch while training loss falls: watch whether it keeps rising</source>
        <translation>la perte de validation a monté à cette époque alors que la perte d'entraînement baisse : surveillez si elle continue de monter</translation>
    </message>
    <message>
        <source>both losses have levelled off with a small gap: the network generalises — more epochs will not help</source>
        <translation>les deux pertes se sont stabilisées avec un petit écart : le réseau généralise — plus d'époques n'y changeront rien</translation>
    </message>
    <message>
        <source>both losses have levelled off: more epochs will not help — change the network or the learning rate</source>
        <translation>les deux pertes se sont stabilisées : plus d'époques n'y changeront rien — changez le réseau ou le taux d'apprentissage</translation>
    </message>
</context>
<context>
    <name>core.own_digits</name>
    <message>
        <source>A digit must be a 2-D image, not an array of shape {shape}.</source>
        <translation>Un chiffre doit être une image 2D, pas un tableau de forme {shape}.</translation>
    </message>
    <message>
        <source>The canvas is empty: draw a digit before adding it to your digits.</source>
        <translation>La zone de dessin est vide : dessinez un chiffre avant de l'ajouter à vos chiffres.</translation>
    </message>
    <message>
        <source>A digit's label must be a whole number from 0 to 9, not {label!r}.</source>
        <translation>L'étiquette d'un chiffre doit être un nombre entier de 0 à 9, pas {label!r}.</translation>
    </message>
    <message>
        <source>{name} is not a file.</source>
        <translation>{name} n'est pas un fichier.</translation>
    </message>
    <message>
        <source>{name} is {size:.0f} MB, too large to be a digit collection.</source>
        <translation>{name} fait {size:.0f} Mo, c'est trop volumineux pour une collection de chiffres.</translation>
    </message>
    <message>
        <source>{name} is not a digit collection (it has no images and labels).</source>
        <translation>{name} n'est pas une collection de chiffres (il n'a ni images ni étiquettes).</translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>Le fichier {name} n'existe pas.</translation>
    </message>
    <message>
        <source>{name} is damaged or is not a digit collection ({error}).</source>
        <translation>{name} est endommagé ou n'est pas une collection de chiffres ({error}).</translation>
    </message>
    <message>
        <source>{name} would unpack to more than a digit collection can hold; it is damaged or is not a digit collection.</source>
        <translation>{name} se décompresserait en plus de données qu'une collection de chiffres ne peut en contenir ; il est endommagé ou n'est pas une collection de chiffres.</translation>
    </message>
    <message>
        <source>{name} holds images of shape {shape} ({dtype}); a digit collection holds 28×28 uint8 images.</source>
        <translation>{name} contient des images de forme {shape} ({dtype}) ; une collection de chiffres contient des images uint8 de 28×28.</translation>
    </message>
    <message>
        <source>{name} holds {labels} labels for {images} images; every digit needs exactly one whole-number label.</source>
        <translation>{name} contient {labels} étiquettes pour {images} images ; chaque chiffre a besoin d'exactement une étiquette entière.</translation>
    </message>
    <message>
        <source>{name} has labels outside 0 to 9.</source>
        <translation>{name} contient des étiquettes hors de l'intervalle 0 à 9.</translation>
    </message>
    <message>
        <source>{name} holds {count:,} digits; at most {maximum:,} are allowed.</source>
        <translation>{name} contient {count:,} chiffres ; {maximum:,} au plus sont autorisés.</translation>
    </message>
    <message>
        <source>Your collection already holds {maximum:,} digits, the most it can keep.</source>
        <translation>Votre collection contient déjà {maximum:,} chiffres, le maximum qu'elle peut garder.</translation>
    </message>
    <message>
        <source>There is no digit number {number}; the collection has {count}.</source>
        <translation>Il n'y a pas de chiffre numéro {number} ; la collection en contient {count}.</translation>
    </message>
    <message>
        <source>Could not save your digits to {path}: {reason}. The previous file is unchanged.</source>
        <translation>Impossible d'enregistrer vos chiffres dans {path} : {reason}. Le fichier précédent est inchangé.</translation>
    </message>
    <message>
        <source>{problem} It was not overwritten; move it aside (set_aside_damaged) before saving new digits.</source>
        <translation>{problem} Il n'a pas été écrasé ; mettez-le de côté (set_aside_damaged) avant d'enregistrer de nouveaux chiffres.</translation>
    </message>
    <message>
        <source>Importing {count:,} digits would make more than {maximum:,}.</source>
        <translation>Importer {count:,} chiffres en ferait plus de {maximum:,}.</translation>
    </message>
    <message>
        <source>Too many damaged copies of {name} are kept next to it; delete some.</source>
        <translation>Trop de copies endommagées de {name} sont conservées à côté de lui ; supprimez-en quelques-unes.</translation>
    </message>
</context>
<context>
    <name>core.reports</name>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + momentum</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>entropie croisée</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>erreur quadratique moyenne</translation>
    </message>
    <message>
        <source>mean absolute error</source>
        <translation>erreur absolue moyenne</translation>
    </message>
    <message>
        <source>The training settings are malformed ({problem}).</source>
        <translation>Les réglages d'entraînement sont mal formés ({problem}).</translation>
    </message>
    <message>
        <source>The {what} must be a finite number, not {value!r}.</source>
        <translation>Le réglage « {what} » doit être un nombre fini, pas {value!r}.</translation>
    </message>
    <message>
        <source>The {what} must be a whole number from {low} to {high}, not {value!r}.</source>
        <translation>Le réglage « {what} » doit être un nombre entier de {low} à {high}, pas {value!r}.</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d'apprentissage</translation>
    </message>
    <message>
        <source>The learning rate must be between {low:g} and {high:g}, not {lr:g}.</source>
        <translation>Le taux d'apprentissage doit être compris entre {low:g} et {high:g}, pas {lr:g}.</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>taille de lot</translation>
    </message>
    <message>
        <source>The batch size ({batch}) is larger than the training set ({count} samples); choose 'all' for batch gradient descent.</source>
        <translation>La taille de lot ({batch}) dépasse la taille du jeu d'entraînement ({count} exemples) ; choisissez « tout » pour la descente de gradient sur le lot complet.</translation>
    </message>
    <message>
        <source>Unknown optimizer {name!r}; choose one of {choices}.</source>
        <translation>Optimiseur inconnu {name!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>Unknown loss {name!r}; choose one of {choices}.</source>
        <translation>Fonction de perte inconnue {name!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>Cross-entropy needs classes; for a regression task choose MSE or MAE.</source>
        <translation>L'entropie croisée a besoin de classes ; pour une tâche de régression, choisissez MSE ou MAE.</translation>
    </message>
    <message>
        <source>number of epochs</source>
        <translation>nombre d'époques</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>graine</translation>
    </message>
    <message>
        <source>early-stopping patience</source>
        <translation>patience de l'arrêt précoce</translation>
    </message>
    <message>
        <source>training set size</source>
        <translation>taille du jeu d'entraînement</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>Momentum must be at least 0 and below 1, not {value:g}.</source>
        <translation>Le momentum doit être au moins égal à 0 et inférieur à 1, pas {value:g}.</translation>
    </message>
    <message>
        <source>{penalty} rate</source>
        <translation>coefficient {penalty}</translation>
    </message>
    <message>
        <source>The {penalty} rate must be between 0 and 10, not {value:g}.</source>
        <translation>Le coefficient {penalty} doit être compris entre 0 et 10, pas {value:g}.</translation>
    </message>
    <message>
        <source>report rate</source>
        <translation>fréquence des rapports</translation>
    </message>
    <message>
        <source>Report rates must be positive.</source>
        <translation>Les fréquences des rapports doivent être positives.</translation>
    </message>
</context>
<context>
    <name>core.terrain</name>
    <message>
        <source>Caveman's loss</source>
        <translation>Perte de l'homme des cavernes</translation>
    </message>
    <message>
        <source>Each point of this map is one straight line; its height is the line's error.</source>
        <translation>Chaque point de cette carte est une droite ; sa hauteur est l'erreur de cette droite.</translation>
    </message>
    <message>
        <source>Simple valley</source>
        <translation>Vallée simple</translation>
    </message>
    <message>
        <source>One valley, a bowl of curvature L = 2: the learning-rate exercise lives here.</source>
        <translation>Une seule vallée, une cuvette de courbure L = 2 : c'est ici que se fait l'exercice sur le taux d'apprentissage.</translation>
    </message>
    <message>
        <source>Two valleys and a hill</source>
        <translation>Deux vallées et une colline</translation>
    </message>
    <message>
        <source>A global minimum (left), a local minimum (right) and a local maximum between.</source>
        <translation>Un minimum global (à gauche), un minimum local (à droite) et un maximum local entre les deux.</translation>
    </message>
    <message>
        <source>Flat shoulder (saddle)</source>
        <translation>Épaulement plat (point col)</translation>
    </message>
    <message>
        <source>At x = 0 the slope is zero but it is not a minimum; the valley is at x = 2.</source>
        <translation>En x = 0 la pente est nulle, mais ce n'est pas un minimum ; la vallée est en x = 2.</translation>
    </message>
    <message>
        <source>Plateau</source>
        <translation>Plateau</translation>
    </message>
    <message>
        <source>Far from the valley the ground is almost flat: the slope nearly vanishes.</source>
        <translation>Loin de la vallée, le terrain est presque plat : la pente s'annule presque.</translation>
    </message>
    <message>
        <source>Steep walls</source>
        <translation>Parois abruptes</translation>
    </message>
    <message>
        <source>A flat floor between steep walls: high up, one step can fling you far away.</source>
        <translation>Un fond plat entre des parois abruptes : en hauteur, un seul pas peut vous projeter très loin.</translation>
    </message>
    <message>
        <source>Round bowl</source>
        <translation>Cuvette ronde</translation>
    </message>
    <message>
        <source>Every direction curves the same: the gradient points straight at the bottom.</source>
        <translation>La courbure est la même dans toutes les directions : le gradient pointe droit vers le fond.</translation>
    </message>
    <message>
        <source>Elongated ravine</source>
        <translation>Ravin allongé</translation>
    </message>
    <message>
        <source>Steep sides, gentle floor: plain GD zig-zags across, momentum rolls along.</source>
        <translation>Flancs raides, fond en pente douce : la GD simple zigzague d'un flanc à l'autre, le momentum roule le long du fond.</translation>
    </message>
    <message>
        <source>Rosenbrock banana</source>
        <translation>Banane de Rosenbrock</translation>
    </message>
    <message>
        <source>A curved, flat-bottomed valley; the minimum is at (1, 1).</source>
        <translation>Une vallée courbe à fond plat ; le minimum est en (1, 1).</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>Point col</translation>
    </message>
    <message>
        <source>A saddle at (0, 0) between two valleys at y = ±1.41; start on y = 0 to get stuck.</source>
        <translation>Un point col en (0, 0) entre deux vallées en y = ±1.41 ; partez de y = 0 pour rester bloqué.</translation>
    </message>
    <message>
        <source>Several minima</source>
        <translation>Plusieurs minima</translation>
    </message>
    <message>
        <source>Himmelblau's function: four valleys of equal depth; the start decides which one.</source>
        <translation>La fonction de Himmelblau : quatre vallées de même profondeur ; le point de départ décide laquelle.</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>Votre formule</translation>
    </message>
    <message>
        <source>The formula has no finite value anywhere between x = {low:g} and x = {high:g}.</source>
        <translation>La formule n'a aucune valeur finie entre x = {low:g} et x = {high:g}.</translation>
    </message>
</context>
<context>
    <name>core.training</name>
    <message>
        <source>The starting weights do not fit the {network} network.</source>
        <translation>Les poids de départ ne correspondent pas au réseau {network}.</translation>
    </message>
    <message>
        <source>The network ({network}) does not fit the {dataset} data, which has {inputs} inputs and {outputs} outputs.</source>
        <translation>Le réseau ({network}) ne correspond pas aux données {dataset}, qui ont {inputs} entrées et {outputs} sorties.</translation>
    </message>
    <message>
        <source>The loss became {loss} (not a number) at step {step}: the learning rate {lr:g} is too large.</source>
        <translation>La perte est devenue {loss} (pas un nombre) à l'étape {step} : le taux d'apprentissage {lr:g} est trop grand.</translation>
    </message>
    <message>
        <source>The loss exploded at step {step}, from {first:.3g} to {loss:.3g}: with learning rate {lr:g} each step overshoots the valley and lands higher up the other side.</source>
        <translation>La perte a explosé à l'étape {step}, de {first:.3g} à {loss:.3g} : avec un taux d'apprentissage de {lr:g}, chaque pas dépasse la vallée et atterrit plus haut de l'autre côté.</translation>
    </message>
    <message>
        <source>Try a learning rate about 10× smaller ({lr:g}).</source>
        <translation>Essayez un taux d'apprentissage environ 10× plus petit ({lr:g}).</translation>
    </message>
    <message>
        <source>The weights or gradients became infinite at step {step}: the learning rate {lr:g} is too large.</source>
        <translation>Les poids ou les gradients sont devenus infinis à l'étape {step} : le taux d'apprentissage {lr:g} est trop grand.</translation>
    </message>
    <message>
        <source>The loss has stayed at ln {classes} ≈ {chance:.2f} for {window} steps: the network guesses at chance. Its neurons may be dead (a too-large learning rate) or all equal (zero initialisation).</source>
        <translation>La perte est restée à ln {classes} ≈ {chance:.2f} pendant {window} étapes : le réseau répond au hasard. Ses neurones sont peut-être morts (taux d'apprentissage trop grand) ou tous identiques (initialisation à zéro).</translation>
    </message>
</context>
<context>
    <name>core.training_job</name>
    <message>
        <source>The network ({network}) does not fit the {dataset} data, which has {inputs} inputs and {outputs} outputs.</source>
        <translation>Le réseau ({network}) ne correspond pas aux données {dataset}, qui ont {inputs} entrées et {outputs} sorties.</translation>
    </message>
</context>
<context>
    <name>core.walkthrough</name>
    <message>
        <source>scores</source>
        <translation>scores</translation>
    </message>
    <message>
        <source>predictions</source>
        <translation>prédictions</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>cibles</translation>
    </message>
    <message>
        <source>Type at least one number for the {what}, separated by commas.</source>
        <translation>Tapez au moins un nombre pour « {what} », en séparant les nombres par des virgules.</translation>
    </message>
    <message>
        <source>At most {limit} {what} can be shown, not {count}.</source>
        <translation>Au plus {limit} valeurs peuvent être affichées pour « {what} », pas {count}.</translation>
    </message>
    <message>
        <source>'{token}' is not a number; type the {what} like −6.8, 2.6, 5.9.</source>
        <translation>« {token} » n'est pas un nombre ; tapez « {what} » ainsi : −6.8, 2.6, 5.9.</translation>
    </message>
    <message>
        <source>The {what} must be ordinary finite numbers, not '{token}'.</source>
        <translation>« {what} » doit contenir des nombres finis ordinaires, pas « {token} ».</translation>
    </message>
    <message>
        <source>Say which activation follows each layer.</source>
        <translation>Indiquez quelle fonction d'activation suit chaque couche.</translation>
    </message>
    <message>
        <source>The network has {layers} layers but {activations} activations.</source>
        <translation>Le réseau a {layers} couches mais {activations} fonctions d'activation.</translation>
    </message>
    <message>
        <source>pixel {position} = x[{col}] = {value}</source>
        <translation>pixel {position} = x[{col}] = {value}</translation>
    </message>
    <message>
        <source>W{k}[{row}, {col}] = {weight} multiplies {target} → adds {product} to z{k}[{row}]</source>
        <translation>W{k}[{row}, {col}] = {weight} multiplie {target} → ajoute {product} à z{k}[{row}]</translation>
    </message>
    <message>
        <source>Layer {layer} expects {expected} inputs but got {got}.</source>
        <translation>La couche {layer} attend {expected} entrées mais en a reçu {got}.</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identité</translation>
    </message>
    <message>
        <source>{name} = pixel ({row}, {col}) = {value}</source>
        <translation>{name} = pixel ({row}, {col}) = {value}</translation>
    </message>
    <message>
        <source>Softmax needs at least one finite score.</source>
        <translation>Le softmax a besoin d'au moins un score fini.</translation>
    </message>
    <message>
        <source>The temperature must be a positive number, not {value!r}.</source>
        <translation>La température doit être un nombre positif, pas {value!r}.</translation>
    </message>
    <message>
        <source>The correct class must be from 0 to {last}, not {label}.</source>
        <translation>La bonne classe doit être comprise entre 0 et {last}, pas {label}.</translation>
    </message>
    <message>
        <source>Type as many targets as predictions ({predictions} predictions, {targets} targets).</source>
        <translation>Tapez autant de cibles que de prédictions ({predictions} prédictions, {targets} cibles).</translation>
    </message>
    <message>
        <source>Gradient-descent step for {name}</source>
        <translation>Pas de descente de gradient pour {name}</translation>
    </message>
    <message>
        <source>(was {old})</source>
        <translation>(avant : {old})</translation>
    </message>
    <message>
        <source>Hidden value</source>
        <translation>Valeur cachée</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Prédiction</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Start at the loss: ∂L/∂ŷ</source>
        <translation>Partir de la perte : ∂L/∂ŷ</translation>
    </message>
    <message>
        <source>Local derivative of ŷ = w2·h with respect to w2</source>
        <translation>Dérivée locale de ŷ = w2·h par rapport à w2</translation>
    </message>
    <message>
        <source>Chain rule for w2</source>
        <translation>Règle de dérivation en chaîne pour w2</translation>
    </message>
    <message>
        <source>Local derivative of ŷ = w2·h with respect to h</source>
        <translation>Dérivée locale de ŷ = w2·h par rapport à h</translation>
    </message>
    <message>
        <source>Chain rule into h</source>
        <translation>Règle de dérivation en chaîne jusqu'à h</translation>
    </message>
    <message>
        <source>Local derivative of h = w1·x with respect to w1</source>
        <translation>Dérivée locale de h = w1·x par rapport à w1</translation>
    </message>
    <message>
        <source>Product along the whole chain</source>
        <translation>Produit le long de toute la chaîne</translation>
    </message>
    <message>
        <source>Loss with the new weights</source>
        <translation>Perte avec les nouveaux poids</translation>
    </message>
    <message>
        <source>Hidden pre-activations</source>
        <translation>Pré-activations cachées</translation>
    </message>
    <message>
        <source>ReLU keeps the positive part</source>
        <translation>ReLU garde la partie positive</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Gradient for {name}</source>
        <translation>Gradient pour {name}</translation>
    </message>
    <message>
        <source>ReLU'(z) = [z &gt; 0] with z = {z} → {mask}</source>
        <translation>ReLU'(z) = [z &gt; 0] avec z = {z} → {mask}</translation>
    </message>
    <message>
        <source>Local derivative of ReLU: a mask</source>
        <translation>Dérivée locale de ReLU : un masque</translation>
    </message>
    <message>
        <source>Chain rule through ReLU</source>
        <translation>Règle de dérivation en chaîne à travers ReLU</translation>
    </message>
    <message>
        <source>Gradient for W1 (outer product)</source>
        <translation>Gradient pour W1 (produit extérieur)</translation>
    </message>
    <message>
        <source>A hidden layer cannot use the activation {name!r}.</source>
        <translation>Une couche cachée ne peut pas utiliser la fonction d'activation {name!r}.</translation>
    </message>
    <message>
        <source>Each label must be a class number from 0 to {last}.</source>
        <translation>Chaque étiquette doit être un numéro de classe de 0 à {last}.</translation>
    </message>
    <message>
        <source>The targets have {count} values but the network gives {outputs}.</source>
        <translation>Les cibles ont {count} valeurs mais le réseau en donne {outputs}.</translation>
    </message>
    <message>
        <source>Unknown loss {loss!r}; choose one of {choices}.</source>
        <translation>Fonction de perte inconnue {loss!r} ; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <source>Cross-entropy needs classes; for a regression output choose MSE or MAE.</source>
        <translation>L'entropie croisée a besoin de classes ; pour une sortie de régression, choisissez MSE ou MAE.</translation>
    </message>
    <message>
        <source>(1 if z{k} &gt; 0 else 0.01)</source>
        <translation>(1 si z{k} &gt; 0, sinon 0.01)</translation>
    </message>
    <message>
        <source>The two gradient sets belong to networks with different numbers of layers.</source>
        <translation>Les deux ensembles de gradients viennent de réseaux qui n'ont pas le même nombre de couches.</translation>
    </message>
</context>
<context>
    <name>gui.app_state</name>
    <message>
        <source>Stop training before changing the network.</source>
        <translation>Arrêtez l'entraînement avant de modifier le réseau.</translation>
    </message>
    <message>
        <source>Unknown training state {state}.</source>
        <translation>État d'entraînement inconnu {state}.</translation>
    </message>
</context>
<context>
    <name>gui.code_dialog</name>
    <message>
        <source>The PyTorch code for this network</source>
        <translation>Le code PyTorch de ce réseau</translation>
    </message>
    <message>
        <source>A script that trains the same network with the same settings, outside the app.</source>
        <translation>Un script qui entraîne le même réseau avec les mêmes réglages, en dehors de l'application.</translation>
    </message>
    <message>
        <source>Run it with:  python mlp_studio_model.py   (it needs only torch and numpy)</source>
        <translation>Lancez-le avec :  python mlp_studio_model.py   (il n'a besoin que de torch et numpy)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Copy the whole script to the clipboard.</source>
        <translation>Copier tout le script dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Save the script as a .py file.</source>
        <translation>Enregistrer le script dans un fichier .py.</translation>
    </message>
    <message>
        <source>Close this window.</source>
        <translation>Fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>Save the script</source>
        <translation>Enregistrer le script</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Fichiers Python (*.py)</translation>
    </message>
    <message>
        <source>Could not save the script to {path}: {reason}.</source>
        <translation>Impossible d'enregistrer le script dans {path} : {reason}.</translation>
    </message>
</context>
<context>
    <name>gui.export</name>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>Image PNG (*.png);;Image vectorielle SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export to {name}: choose a file name ending in .png or .svg.</source>
        <translation>Impossible d'exporter vers {name} : choisissez un nom de fichier qui se termine par .png ou .svg.</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>l'image</translation>
    </message>
    <message>
        <source>Only plots and heatmaps that are on screen can be exported as images.</source>
        <translation>Seuls les graphiques et les cartes de chaleur affichés à l'écran peuvent être exportés en images.</translation>
    </message>
    <message>
        <source>The plot has no size yet; show it on screen before exporting it.</source>
        <translation>Le graphique n'a pas encore de taille ; affichez-le à l'écran avant de l'exporter.</translation>
    </message>
    <message>
        <source>The plot could not be turned into a PNG image.</source>
        <translation>Le graphique n'a pas pu être converti en image PNG.</translation>
    </message>
    <message>
        <source>The plot could not be turned into an SVG image.</source>
        <translation>Le graphique n'a pas pu être converti en image SVG.</translation>
    </message>
    <message>
        <source>The table cannot be saved: its columns must be lists of the same length.</source>
        <translation>Le tableau ne peut pas être enregistré : ses colonnes doivent être des listes de même longueur.</translation>
    </message>
    <message>
        <source>the table</source>
        <translation>le tableau</translation>
    </message>
    <message>
        <source>you do not have permission to write there</source>
        <translation>vous n'avez pas le droit d'écrire à cet endroit</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>le dossier n'existe pas</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>un dossier porte ce nom</translation>
    </message>
    <message>
        <source>Could not save {what} to {path}: {reason}.</source>
        <translation>Impossible d'enregistrer {what} dans {path} : {reason}.</translation>
    </message>
</context>
<context>
    <name>gui.file_actions</name>
    <message>
        <source>MLP Studio models (*.pt);;All files (*)</source>
        <translation>Modèles MLP Studio (*.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>There is no trained network to save yet: train one first.</source>
        <translation>Il n'y a pas encore de réseau entraîné à enregistrer : entraînez-en un d'abord.</translation>
    </message>
    <message>
        <source>A model file is still being read or written; try again in a moment.</source>
        <translation>Un fichier de modèle est encore en cours de lecture ou d'écriture ; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>gui.glossary</name>
    <message>
        <source>neuron</source>
        <translation>neurone</translation>
    </message>
    <message>
        <source>The basic unit of a network. It multiplies each input by a weight, adds the results and a bias, and passes the sum through an activation function.</source>
        <translation>L'unité de base d'un réseau. Il multiplie chaque entrée par un poids, additionne les résultats et un biais, puis fait passer la somme dans une fonction d'activation.</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>A number on a connection that says how strongly an input affects a neuron. Training changes the weights; they are what the network learns.</source>
        <translation>Un nombre sur une connexion, qui dit avec quelle force une entrée agit sur un neurone. L'entraînement modifie les poids : c'est ce que le réseau apprend.</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>biais</translation>
    </message>
    <message>
        <source>A number added to a neuron's weighted sum. It shifts the point at which the neuron switches on, independently of the inputs.</source>
        <translation>Un nombre ajouté à la somme pondérée d'un neurone. Il déplace le seuil à partir duquel le neurone s'active, indépendamment des entrées.</translation>
    </message>
    <message>
        <source>activation function</source>
        <translation>fonction d'activation</translation>
    </message>
    <message>
        <source>The function a neuron applies to its weighted sum. Without it, any number of layers would only compute a straight-line (linear) function.</source>
        <translation>La fonction qu'un neurone applique à sa somme pondérée. Sans elle, quel que soit le nombre de couches, le réseau ne calculerait qu'une fonction linéaire (une droite).</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>couche</translation>
    </message>
    <message>
        <source>Neurons side by side that read the same inputs. A whole layer is one matrix product followed by the activation; each row of W is one neuron.</source>
        <translation>Des neurones côte à côte qui lisent les mêmes entrées. Une couche entière est un produit matriciel suivi de l'activation ; chaque ligne de W est un neurone.</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>couche cachée</translation>
    </message>
    <message>
        <source>A layer between the input and the output. Its values are not given by the data: the network invents them while it learns.</source>
        <translation>Une couche entre l'entrée et la sortie. Ses valeurs ne sont pas fournies par les données : le réseau les invente pendant qu'il apprend.</translation>
    </message>
    <message>
        <source>multilayer perceptron (MLP)</source>
        <translation>perceptron multicouche (MLP)</translation>
    </message>
    <message>
        <source>A network of fully connected layers, each feeding the next. 784-16-16-10 is an MLP with 784 inputs, two hidden layers of 16 neurons and 10 outputs.</source>
        <translation>Un réseau de couches entièrement connectées, chacune alimentant la suivante. 784-16-16-10 est un MLP à 784 entrées, deux couches cachées de 16 neurones et 10 sorties.</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <source>Every number the network learns: all weights and biases. 784-16-16-10 has 13,002 parameters.</source>
        <translation>Chaque nombre que le réseau apprend : tous les poids et tous les biais. 784-16-16-10 a 13 002 paramètres.</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>propagation avant</translation>
    </message>
    <message>
        <source>Computing the network's output for an input, layer by layer from the input to the output, with the weights as they are.</source>
        <translation>Le calcul de la sortie du réseau pour une entrée, couche après couche de l'entrée vers la sortie, avec les poids tels qu'ils sont.</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>A raw score of the output layer before softmax. Larger means more likely, but logits are not probabilities.</source>
        <translation>Un score brut de la couche de sortie, avant le softmax. Plus il est grand, plus la classe est probable, mais les logits ne sont pas des probabilités.</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Turns the output scores into probabilities: all positive and adding up to 1. The largest score gets the largest probability.</source>
        <translation>Transforme les scores de sortie en probabilités : toutes positives et de somme 1. Le plus grand score reçoit la plus grande probabilité.</translation>
    </message>
    <message>
        <source>one-hot</source>
        <translation>one-hot (vecteur indicateur)</translation>
    </message>
    <message>
        <source>A target written as a vector with a 1 for the right class and 0 elsewhere; the digit 3 is (0,0,0,1,0,0,0,0,0,0).</source>
        <translation>Une cible écrite comme un vecteur avec un 1 pour la bonne classe et des 0 ailleurs ; le chiffre 3 s'écrit (0,0,0,1,0,0,0,0,0,0).</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>One number that says how wrong the network's predictions are on some examples. Training makes it smaller; zero means perfect.</source>
        <translation>Un seul nombre qui dit à quel point les prédictions du réseau sont fausses sur des exemples. L'entraînement la fait diminuer ; zéro signifie parfait.</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>erreur quadratique moyenne</translation>
    </message>
    <message>
        <source>The average of the squared differences between prediction and target; the usual loss for predicting numbers (regression).</source>
        <translation>La moyenne des carrés des écarts entre prédiction et cible ; la perte habituelle pour prédire des nombres (régression).</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>entropie croisée</translation>
    </message>
    <message>
        <source>The usual loss for classes: minus the logarithm of the probability the network gives to the right class. Sure and right costs almost 0; sure and wrong costs a lot.</source>
        <translation>La perte habituelle pour des classes : moins le logarithme de la probabilité que le réseau donne à la bonne classe. Sûr et juste ne coûte presque rien ; sûr et faux coûte cher.</translation>
    </message>
    <message>
        <source>L = −log p(correct class)</source>
        <translation>L = −log p(bonne classe)</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>gradient</translation>
    </message>
    <message>
        <source>The slope of the loss with respect to every parameter, as one vector. It points in the direction in which the loss rises fastest.</source>
        <translation>La pente de la perte par rapport à chaque paramètre, rassemblée en un vecteur. Il pointe dans la direction où la perte augmente le plus vite.</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>descente de gradient</translation>
    </message>
    <message>
        <source>Training by repeatedly taking a small step against the gradient, i.e. downhill on the loss.</source>
        <translation>Entraîner en faisant de façon répétée un petit pas à l'opposé du gradient, c'est-à-dire en descendant la pente de la perte.</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d'apprentissage</translation>
    </message>
    <message>
        <source>The step size η of gradient descent. Too small and training crawls; too large and the loss jumps around or explodes.</source>
        <translation>La taille du pas η de la descente de gradient. Trop petit, l'entraînement se traîne ; trop grand, la perte fait des bonds ou explose.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>One pass over all training examples. With mini-batches of size B and N examples, an epoch has ⌈N/B⌉ steps.</source>
        <translation>Un passage sur tous les exemples d'entraînement. Avec des mini-lots de taille B et N exemples, une époque compte ⌈N/B⌉ étapes.</translation>
    </message>
    <message>
        <source>steps per epoch = ⌈N / B⌉</source>
        <translation>étapes par époque = ⌈N / B⌉</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <source>The examples used for one training step. Batch gradient descent uses all of them for every step: exact but slow.</source>
        <translation>Les exemples utilisés pour une étape d'entraînement. La descente de gradient par lot complet les utilise tous à chaque étape : exacte mais lente.</translation>
    </message>
    <message>
        <source>∇L = (1/B) Σ ∇Lᵢ over the batch</source>
        <translation>∇L = (1/B) Σ ∇Lᵢ sur le lot</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>mini-lot</translation>
    </message>
    <message>
        <source>A small random group of examples (e.g. 32 or 64) for one step: a good compromise between the noise of single examples and the cost of all.</source>
        <translation>Un petit groupe d'exemples tirés au hasard (par ex. 32 ou 64) pour une étape : un bon compromis entre le bruit d'un seul exemple et le coût de tous.</translation>
    </message>
    <message>
        <source>stochastic gradient descent (SGD)</source>
        <translation>descente de gradient stochastique (SGD)</translation>
    </message>
    <message>
        <source>Gradient descent with the gradient of a single example (or a small batch) per step: cheap and noisy steps, many per epoch.</source>
        <translation>La descente de gradient avec le gradient d'un seul exemple (ou d'un petit lot) à chaque étape : des pas peu coûteux et bruités, nombreux à chaque époque.</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum (inertie)</translation>
    </message>
    <message>
        <source>Keeps part of the previous step, like a rolling ball: it smooths zig-zags and rolls through small bumps.</source>
        <translation>Garde une partie du pas précédent, comme une bille qui roule : il lisse les zigzags et franchit les petites bosses.</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>An optimizer that combines momentum with a separate, self-adjusting step size for every parameter. A good default for most networks.</source>
        <translation>Un optimiseur qui combine le momentum avec une taille de pas propre à chaque paramètre, qui s'ajuste d'elle-même. Un bon choix par défaut pour la plupart des réseaux.</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>rétropropagation</translation>
    </message>
    <message>
        <source>The way the gradient is computed: the error at the output is passed back layer by layer, multiplying local derivatives with the chain rule.</source>
        <translation>La façon de calculer le gradient : l'erreur en sortie est renvoyée vers l'arrière couche par couche, en multipliant les dérivées locales selon la règle de dérivation en chaîne.</translation>
    </message>
    <message>
        <source>chain rule</source>
        <translation>règle de dérivation en chaîne</translation>
    </message>
    <message>
        <source>The derivative of a chain of functions is the product of the derivatives of its links.</source>
        <translation>La dérivée d'une chaîne de fonctions est le produit des dérivées de ses maillons.</translation>
    </message>
    <message>
        <source>vanishing gradient</source>
        <translation>disparition du gradient</translation>
    </message>
    <message>
        <source>When the gradient shrinks as it travels back through many layers (e.g. the sigmoid's slope is at most 0.25), so the first layers hardly learn.</source>
        <translation>Quand le gradient rétrécit en remontant à travers de nombreuses couches (par ex. la pente de la sigmoïde vaut au plus 0,25), si bien que les premières couches n'apprennent presque rien.</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>initialisation</translation>
    </message>
    <message>
        <source>The starting values of the weights, usually small random numbers. If all weights start equal, all neurons of a layer stay identical forever.</source>
        <translation>Les valeurs de départ des poids, en général de petits nombres aléatoires. Si tous les poids partent égaux, tous les neurones d'une couche restent identiques pour toujours.</translation>
    </message>
    <message>
        <source>training set</source>
        <translation>jeu d'entraînement</translation>
    </message>
    <message>
        <source>The examples the network learns from: the gradient is computed on them.</source>
        <translation>Les exemples à partir desquels le réseau apprend : le gradient est calculé sur eux.</translation>
    </message>
    <message>
        <source>validation set</source>
        <translation>jeu de validation</translation>
    </message>
    <message>
        <source>Examples kept aside during training to check how well the network does on data it has not learned from; used to choose settings and to stop early.</source>
        <translation>Des exemples mis de côté pendant l'entraînement pour vérifier comment le réseau se débrouille sur des données qu'il n'a pas apprises ; ils servent à choisir les réglages et à arrêter tôt.</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>jeu de test</translation>
    </message>
    <message>
        <source>Examples used once, at the very end, for an honest final score. Nothing is tuned on them.</source>
        <translation>Des exemples utilisés une seule fois, tout à la fin, pour un score final honnête. Rien n'est réglé sur eux.</translation>
    </message>
    <message>
        <source>overfitting</source>
        <translation>surapprentissage</translation>
    </message>
    <message>
        <source>When the network memorises its training examples instead of the general pattern: training loss keeps falling while validation loss rises.</source>
        <translation>Quand le réseau mémorise ses exemples d'entraînement au lieu de la règle générale : la perte d'entraînement continue de baisser tandis que la perte de validation remonte.</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>arrêt précoce</translation>
    </message>
    <message>
        <source>Stop training when the validation loss has not improved for a number of epochs (the patience) and keep the weights of the best epoch.</source>
        <translation>Arrêter l'entraînement quand la perte de validation ne s'est pas améliorée depuis un certain nombre d'époques (la patience), et garder les poids de la meilleure époque.</translation>
    </message>
    <message>
        <source>regularisation</source>
        <translation>régularisation</translation>
    </message>
    <message>
        <source>Anything that discourages memorising, such as a penalty on large weights (L1, L2) or dropout.</source>
        <translation>Tout ce qui décourage le par-cœur, comme une pénalité sur les grands poids (L1, L2) ou le dropout.</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>dropout</translation>
    </message>
    <message>
        <source>During training, each neuron of a layer is switched off at random with probability p, so the network cannot rely on any single neuron.</source>
        <translation>Pendant l'entraînement, chaque neurone d'une couche est éteint au hasard avec la probabilité p, si bien que le réseau ne peut compter sur aucun neurone en particulier.</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>The fraction of examples whose predicted class is the right one.</source>
        <translation>La proportion d'exemples dont la classe prédite est la bonne.</translation>
    </message>
    <message>
        <source>accuracy = correct / total</source>
        <translation>exactitude = corrects / total</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>matrice de confusion</translation>
    </message>
    <message>
        <source>A table that counts, for every true class (row), how often each class was predicted (column). Mistakes are off the diagonal.</source>
        <translation>Un tableau qui compte, pour chaque vraie classe (ligne), combien de fois chaque classe a été prédite (colonne). Les erreurs sont hors de la diagonale.</translation>
    </message>
    <message>
        <source>supervised learning</source>
        <translation>apprentissage supervisé</translation>
    </message>
    <message>
        <source>Learning from examples that come with the right answer (a label or a number), like the caveman's notebook of potatoes and apples.</source>
        <translation>Apprendre à partir d'exemples accompagnés de la bonne réponse (une étiquette ou un nombre), comme le carnet de pommes de terre et de pommes de l'homme des cavernes.</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>Search, e.g. gradient</source>
        <translation>Rechercher, par ex. gradient</translation>
    </message>
    <message>
        <source>Type part of a word to show only matching terms.</source>
        <translation>Tapez une partie d'un mot pour n'afficher que les termes correspondants.</translation>
    </message>
    <message>
        <source>Click a term to read what it means.</source>
        <translation>Cliquez sur un terme pour lire ce qu'il signifie.</translation>
    </message>
    <message>
        <source>The definition, and the formula where there is one.</source>
        <translation>La définition, et la formule quand il y en a une.</translation>
    </message>
    <message>
        <source>Close the glossary (Esc).</source>
        <translation>Fermer le glossaire (Échap).</translation>
    </message>
</context>
<context>
    <name>gui.lesson_actions</name>
    <message>
        <source>Pause or stop the training before using “Show me”: it changes the data, the network or the settings.</source>
        <translation>Mettez l'entraînement en pause ou arrêtez-le avant d'utiliser « Montre-moi » : cela change les données, le réseau ou les réglages.</translation>
    </message>
    <message>
        <source>This step needs the {name} data, but there is no way to load it here.</source>
        <translation>Cette étape a besoin des données {name}, mais elles ne peuvent pas être chargées ici.</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>autre chose</translation>
    </message>
    <message>
        <source>This step needs the {name} data, but {loaded} was loaded.</source>
        <translation>Cette étape a besoin des données {name}, mais c'est {loaded} qui a été chargé.</translation>
    </message>
</context>
<context>
    <name>gui.main_window</name>
    <message>
        <source>not trained</source>
        <translation>non entraîné</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>entraînement en cours…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>entraîné</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergence</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Choose and inspect the data</source>
        <translation>Choisir et examiner les données</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Design the network layer by layer</source>
        <translation>Concevoir le réseau couche par couche</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Train and watch it learn</source>
        <translation>Entraîner le réseau et le regarder apprendre</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <source>Draw a digit and see the prediction</source>
        <translation>Dessiner un chiffre et voir la prédiction</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>Terrain</translation>
    </message>
    <message>
        <source>Gradient descent as a game</source>
        <translation>La descente de gradient sous forme de jeu</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Intérieur</translation>
    </message>
    <message>
        <source>Forward pass and backpropagation with numbers</source>
        <translation>Propagation avant et rétropropagation, avec des nombres</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>Hide the lessons (F2 shows them again)</source>
        <translation>Masquer les leçons (F2 les affiche de nouveau)</translation>
    </message>
    <message>
        <source>Detach the lessons into their own window</source>
        <translation>Détacher les leçons dans leur propre fenêtre</translation>
    </message>
    <message>
        <source>Lessons panel</source>
        <translation>Panneau des leçons</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Entraînement</translation>
    </message>
    <message>
        <source>Train / Pause</source>
        <translation>Entraîner / Pause</translation>
    </message>
    <message>
        <source>Start, continue or pause training</source>
        <translation>Lancer, continuer ou mettre en pause l'entraînement</translation>
    </message>
    <message>
        <source>Step one batch</source>
        <translation>Un pas (un lot)</translation>
    </message>
    <message>
        <source>Train on one batch, then pause</source>
        <translation>Entraîner sur un lot, puis faire une pause</translation>
    </message>
    <message>
        <source>Stop and test</source>
        <translation>Arrêter et tester</translation>
    </message>
    <message>
        <source>End the run and measure test accuracy</source>
        <translation>Terminer l'entraînement et mesurer l'exactitude sur le jeu de test</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>Réinitialiser les poids</translation>
    </message>
    <message>
        <source>Start again from random weights</source>
        <translation>Repartir de poids aléatoires</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>Neuron, weight, bias, loss, gradient… explained</source>
        <translation>Neurone, poids, biais, perte, gradient… expliqués</translation>
    </message>
    <message>
        <source>About MLP Studio</source>
        <translation>À propos de MLP Studio</translation>
    </message>
    <message>
        <source>What this app is</source>
        <translation>Ce qu'est cette application</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>&amp;Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>Load a trained network saved by MLP Studio</source>
        <translation>Charger un réseau entraîné enregistré par MLP Studio</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>&amp;Enregistrer le modèle…</translation>
    </message>
    <message>
        <source>Save the trained network, its settings and the dataset name in one file</source>
        <translation>Enregistrer le réseau entraîné, ses réglages et le nom du jeu de données dans un seul fichier</translation>
    </message>
    <message>
        <source>Export loss plot…</source>
        <translation>Exporter la courbe de perte…</translation>
    </message>
    <message>
        <source>Save the loss curve as PNG or SVG</source>
        <translation>Enregistrer la courbe de perte en PNG ou en SVG</translation>
    </message>
    <message>
        <source>Export weights figure…</source>
        <translation>Exporter la figure des poids…</translation>
    </message>
    <message>
        <source>Save the weight heatmaps as PNG or SVG</source>
        <translation>Enregistrer les cartes de chaleur des poids en PNG ou en SVG</translation>
    </message>
    <message>
        <source>Export loss history (CSV)…</source>
        <translation>Exporter l'historique de la perte (CSV)…</translation>
    </message>
    <message>
        <source>Save every loss point as a table</source>
        <translation>Enregistrer chaque point de la perte dans un tableau</translation>
    </message>
    <message>
        <source>Show the PyTorch code…</source>
        <translation>Afficher le code PyTorch…</translation>
    </message>
    <message>
        <source>A standalone script that trains this network with these settings</source>
        <translation>Un script autonome qui entraîne ce réseau avec ces réglages</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close MLP Studio</source>
        <translation>Fermer MLP Studio</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>{tab} tab</source>
        <translation>Onglet {tab}</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Mode présentation</translation>
    </message>
    <message>
        <source>Large fonts, thick lines, high contrast: for the projector</source>
        <translation>Grands caractères, traits épais, fort contraste : pour le vidéoprojecteur</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Use the whole screen</source>
        <translation>Utiliser tout l'écran</translation>
    </message>
    <message>
        <source>Focus on this panel</source>
        <translation>Se concentrer sur ce panneau</translation>
    </message>
    <message>
        <source>Hide tabs, menus and lessons: only the current panel</source>
        <translation>Masquer les onglets, les menus et les leçons : seulement le panneau actuel</translation>
    </message>
    <message>
        <source>Show or hide the guided lessons</source>
        <translation>Afficher ou masquer les leçons guidées</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>{language}: the language of every text in the app (after a restart)</source>
        <translation>{language} : la langue de tous les textes de l'application (après un redémarrage)</translation>
    </message>
    <message>
        <source>MLP Studio will be in {language} the next time it starts.</source>
        <translation>Langue choisie : {language}. Elle s'appliquera au prochain démarrage de MLP Studio.</translation>
    </message>
    <message>
        <source>MLP Studio will be in {language} the next time it starts. Restart now? Save your model first if you want to keep it.</source>
        <translation>Langue choisie : {language}. Elle s'appliquera au prochain démarrage de MLP Studio. Redémarrer maintenant ? Enregistrez d'abord votre modèle si vous voulez le garder.</translation>
    </message>
    <message>
        <source>Data: {name}</source>
        <translation>Données : {name}</translation>
    </message>
    <message>
        <source>Data: none loaded</source>
        <translation>Données : aucune chargée</translation>
    </message>
    <message>
        <source>Network: {network} · {count:,} parameters</source>
        <translation>Réseau : {network} · {count:,} paramètres</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>État : {state}</translation>
    </message>
    <message>
        <source>{rate:,.0f} samples/s</source>
        <translation>{rate:,.0f} exemples/s</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Pause or stop training before opening a model.</source>
        <translation>Mettez l'entraînement en pause ou arrêtez-le avant d'ouvrir un modèle.</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>Modèle enregistré dans {path}</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>d'autres données</translation>
    </message>
    <message>
        <source>This model was trained on {data} ({network}); load data of that shape first (Data tab), then open the model again.</source>
        <translation>Ce modèle a été entraîné sur {data} ({network}) ; chargez d'abord des données de cette forme (onglet Données), puis ouvrez de nouveau le modèle.</translation>
    </message>
    <message>
        <source>Loaded {network} trained on {data}</source>
        <translation>Chargé : {network} entraîné sur {data}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
    <message>
        <source>Export the loss plot</source>
        <translation>Exporter la courbe de perte</translation>
    </message>
    <message>
        <source>Export the weight heatmaps</source>
        <translation>Exporter les cartes de chaleur des poids</translation>
    </message>
    <message>
        <source>There is no loss history yet: train first.</source>
        <translation>Il n'y a pas encore d'historique de la perte : entraînez d'abord.</translation>
    </message>
    <message>
        <source>Export the loss history</source>
        <translation>Exporter l'historique de la perte</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Load a dataset first: the script trains on the same data.</source>
        <translation>Chargez d'abord un jeu de données : le script s'entraîne sur les mêmes données.</translation>
    </message>
    <message>
        <source>MLP Studio teaches how neural networks learn: draw a digit, design a network, watch it train, and play gradient descent on a loss terrain.</source>
        <translation>MLP Studio montre comment les réseaux de neurones apprennent : dessinez un chiffre, concevez un réseau, regardez-le s'entraîner et jouez à la descente de gradient sur un paysage de perte.</translation>
    </message>
</context>
<context>
    <name>gui.panels.data_panel</name>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Choose the folder with the MNIST-style .gz files</source>
        <translation>Choisissez le dossier qui contient les fichiers .gz de type MNIST</translation>
    </message>
    <message>
        <source>Loading {name} failed unexpectedly ({error}: {detail}).</source>
        <translation>Le chargement de {name} a échoué de façon inattendue ({error} : {detail}).</translation>
    </message>
    <message>
        <source>{split}: {count:,}</source>
        <translation>{split} : {count:,}</translation>
    </message>
    <message>
        <source>Each example is a {rows}×{cols} image = {count} input numbers</source>
        <translation>Chaque exemple est une image {rows}×{cols} = {count} nombres en entrée</translation>
    </message>
    <message>
        <source>Each example is a point (x₁, x₂) = 2 input numbers</source>
        <translation>Chaque exemple est un point (x₁, x₂) = 2 nombres en entrée</translation>
    </message>
    <message>
        <source>Each example is {count} numbers x</source>
        <translation>Chaque exemple est formé de {count} nombres x</translation>
    </message>
    <message>
        <source>Each example is {count} number x</source>
        <translation>Chaque exemple est formé de {count} nombre x</translation>
    </message>
    <message>
        <source>{sample}; the network outputs {count} class probabilities.</source>
        <translation>{sample} ; le réseau donne en sortie {count} probabilités, une par classe.</translation>
    </message>
    <message>
        <source>{sample}; the network outputs the value y (regression).</source>
        <translation>{sample} ; le réseau donne en sortie la valeur y (régression).</translation>
    </message>
    <message>
        <source>{name} = class {index}</source>
        <translation>{name} = classe {index}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>{dataset}: {count:,} training points; colour = class ({names})</source>
        <translation>{dataset} : {count:,} points d'entraînement ; couleur = classe ({names})</translation>
    </message>
    <message>
        <source>{dataset}: {count:,} training points (x, y)</source>
        <translation>{dataset} : {count:,} points d'entraînement (x, y)</translation>
    </message>
    <message>
        <source>No data loaded yet.</source>
        <translation>Aucune donnée chargée pour l'instant.</translation>
    </message>
    <message>
        <source>Where the data came from</source>
        <translation>D'où viennent les données</translation>
    </message>
    <message>
        <source>What one example is and what the network must output</source>
        <translation>Ce qu'est un exemple et ce que le réseau doit donner en sortie</translation>
    </message>
    <message>
        <source>How many examples each split holds: the network learns from the training split, validation watches for overfitting, test is the final exam</source>
        <translation>Nombre d'exemples de chaque partie : le réseau apprend sur le jeu d'entraînement, le jeu de validation surveille le surapprentissage, le jeu de test est l'examen final</translation>
    </message>
    <message>
        <source>What the network sees: a few training examples and their labels</source>
        <translation>Ce que voit le réseau : quelques exemples d'entraînement et leurs étiquettes</translation>
    </message>
    <message>
        <source>Which data to learn from: handwritten digits, clothes, or a small toy set</source>
        <translation>Les données dont apprendre : chiffres manuscrits, vêtements ou petit jeu de données jouet</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load (or generate) the chosen dataset (Ctrl+L)</source>
        <translation>Charger (ou générer) le jeu de données choisi (Ctrl+L)</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choisir un dossier…</translation>
    </message>
    <message>
        <source>Load MNIST-style files (…-idx3-ubyte.gz) from a folder you already have (Ctrl+Shift+O)</source>
        <translation>Charger des fichiers de type MNIST (…-idx3-ubyte.gz) depuis un dossier que vous avez déjà (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Loading in the background; the app stays usable</source>
        <translation>Chargement en arrière-plan ; l'application reste utilisable</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Jeu de données :</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Bruit :</translation>
    </message>
    <message>
        <source>Noise of the generated toy sets: σ of the Gaussian jitter added to each point (0 to 1); applies on the next Load</source>
        <translation>Bruit des jeux jouets générés : σ du bruit gaussien ajouté à chaque point (de 0 à 1) ; s'applique au prochain chargement</translation>
    </message>
    <message>
        <source>Noise σ of the generated points</source>
        <translation>Bruit σ des points générés</translation>
    </message>
    <message>
        <source>These files are not on this computer yet</source>
        <translation>Ces fichiers ne sont pas encore sur cet ordinateur</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download the four .gz files from the official mirror and check their checksums (Ctrl+D)</source>
        <translation>Télécharger les quatre fichiers .gz depuis le miroir officiel et vérifier leurs sommes de contrôle (Ctrl+D)</translation>
    </message>
    <message>
        <source>Bytes downloaded so far, of the total</source>
        <translation>Octets déjà téléchargés, sur le total</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the download; nothing half-done is kept (Esc)</source>
        <translation>Arrêter le téléchargement ; rien d'inachevé n'est conservé (Échap)</translation>
    </message>
    <message>
        <source>Random examples from the training split, each with its label</source>
        <translation>Des exemples tirés au hasard du jeu d'entraînement, chacun avec son étiquette</translation>
    </message>
    <message>
        <source>The training examples: each dot is one example</source>
        <translation>Les exemples d'entraînement : chaque point est un exemple</translation>
    </message>
    <message>
        <source>How many training examples each class has (a balanced set has bars of equal length)</source>
        <translation>Nombre d'exemples d'entraînement de chaque classe (un jeu équilibré a des barres de même longueur)</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Chargement de {name}…</translation>
    </message>
    <message>
        <source>Stop training before loading other data: the running training uses the current data.</source>
        <translation>Arrêtez l'entraînement avant de charger d'autres données : l'entraînement en cours utilise les données actuelles.</translation>
    </message>
    <message>
        <source>{count} random training examples, each with its label</source>
        <translation>{count} exemples d'entraînement tirés au hasard, chacun avec son étiquette</translation>
    </message>
    <message>
        <source>training examples</source>
        <translation>exemples d'entraînement</translation>
    </message>
    <message>
        <source>Class balance (training split)</source>
        <translation>Équilibre des classes (jeu d'entraînement)</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>cible y</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>exemples</translation>
    </message>
    <message>
        <source>Targets y of the training split</source>
        <translation>Cibles y du jeu d'entraînement</translation>
    </message>
    <message>
        <source>{name} is not on this computer yet. Download it (about {size} MB), or choose a folder that holds its files.</source>
        <translation>{name} n'est pas encore sur cet ordinateur. Téléchargez-le (environ {size} Mo), ou choisissez un dossier qui contient ses fichiers.</translation>
    </message>
    <message>
        <source>Connecting to download {name}…</source>
        <translation>Connexion pour télécharger {name}…</translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.1f} MB ({percent:.0f} %)</source>
        <translation>{done:.1f} sur {total:.1f} Mo ({percent:.0f} %)</translation>
    </message>
    <message>
        <source>{name} was loaded but not used: stop training before switching to other data.</source>
        <translation>{name} a été chargé mais pas utilisé : arrêtez l'entraînement avant de passer à d'autres données.</translation>
    </message>
</context>
<context>
    <name>gui.panels.designer_panel</name>
    <message>
        <source>Default (PyTorch: Kaiming uniform)</source>
        <translation>Par défaut (PyTorch : Kaiming uniforme)</translation>
    </message>
    <message>
        <source>Small random (N(0, 0.01²))</source>
        <translation>Petits poids aléatoires (N(0, 0.01²))</translation>
    </message>
    <message>
        <source>All zeros (watch the symmetry problem)</source>
        <translation>Tous à zéro (observez le problème de symétrie)</translation>
    </message>
    <message>
        <source>W ~ U(−1/√n_in, 1/√n_in), the same for b: PyTorch's default for nn.Linear</source>
        <translation>W ~ U(−1/√n_in, 1/√n_in), de même pour b : le choix par défaut de PyTorch pour nn.Linear</translation>
    </message>
    <message>
        <source>W = 0, b = 0: every neuron of a layer computes the same thing and they never differ</source>
        <translation>W = 0, b = 0 : tous les neurones d'une couche calculent la même chose et ne se différencient jamais</translation>
    </message>
    <message>
        <source>Custom network</source>
        <translation>Réseau personnalisé</translation>
    </message>
    <message>
        <source>{count:,} inputs: the {rows}×{cols} pixels of an image, fixed by the data</source>
        <translation>{count:,} entrées : les {rows}×{cols} pixels d'une image, fixées par les données</translation>
    </message>
    <message>
        <source>784 inputs: the 28×28 pixels of an image, fixed by the data</source>
        <translation>784 entrées : les 28×28 pixels d'une image, fixées par les données</translation>
    </message>
    <message>
        <source>2 inputs: the coordinates (x₁, x₂) of a point, fixed by the data</source>
        <translation>2 entrées : les coordonnées (x₁, x₂) d'un point, fixées par les données</translation>
    </message>
    <message>
        <source>1 input: the number x, fixed by the data</source>
        <translation>1 entrée : le nombre x, fixée par les données</translation>
    </message>
    <message>
        <source>{count:,} inputs, fixed by the data</source>
        <translation>{count:,} entrées, fixées par les données</translation>
    </message>
    <message>
        <source>{count} outputs: one probability per class{listed}, via softmax; fixed by the task</source>
        <translation>{count} sorties : une probabilité par classe{listed}, via softmax ; fixées par la tâche</translation>
    </message>
    <message>
        <source>{count} outputs: the predicted value (linear); fixed by the task</source>
        <translation>{count} sorties : la valeur prédite (linéaire) ; fixées par la tâche</translation>
    </message>
    <message>
        <source>{count} output: the predicted value (linear); fixed by the task</source>
        <translation>{count} sortie : la valeur prédite (linéaire) ; fixée par la tâche</translation>
    </message>
    <message>
        <source>{formula}   ({count:,} parameters)</source>
        <translation>{formula}   ({count:,} paramètres)</translation>
    </message>
    <message>
        <source>The diagram draws {shown} neurons of each layer with more than {most} (⋮ stands for the rest). </source>
        <translation>Le schéma dessine {shown} neurones de chaque couche qui en a plus de {most} (⋮ représente les autres). </translation>
    </message>
    <message>
        <source>Every neuron receives every output of the layer before: the first layer alone has {n_out}×{n_in} = {weights:,} weights. After training, red links are positive weights, blue ones negative, and thicker means larger |w|.</source>
        <translation>Chaque neurone reçoit toutes les sorties de la couche précédente : la première couche à elle seule a {n_out}×{n_in} = {weights:,} poids. Après l'entraînement, les liens rouges sont des poids positifs, les bleus des poids négatifs, et plus un lien est épais, plus |w| est grand.</translation>
    </message>
    <message>
        <source>Start from a ready-made network for this data (your layers are replaced)</source>
        <translation>Partir d'un réseau tout prêt pour ces données (vos couches sont remplacées)</translation>
    </message>
    <message>
        <source>The input layer has one neuron per number in a sample; the data decides how many</source>
        <translation>La couche d'entrée a un neurone par nombre d'un exemple ; ce sont les données qui décident combien</translation>
    </message>
    <message>
        <source>The output layer has one neuron per class (classification) or per predicted value (regression)</source>
        <translation>La couche de sortie a un neurone par classe (classification) ou par valeur prédite (régression)</translation>
    </message>
    <message>
        <source>Weights plus biases: Σ over layers of n_out·n_in + n_out</source>
        <translation>Poids plus biais : Σ sur les couches de n_out·n_in + n_out</translation>
    </message>
    <message>
        <source>Parameters of each layer: W has n_out×n_in numbers, b has n_out</source>
        <translation>Paramètres de chaque couche : W contient n_out×n_in nombres, b en contient n_out</translation>
    </message>
    <message>
        <source>How to read the diagram</source>
        <translation>Comment lire le schéma</translation>
    </message>
    <message>
        <source>What each layer computes, with the shapes of its weights W and biases b</source>
        <translation>Ce que calcule chaque couche, avec les dimensions de ses poids W et de ses biais b</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Réseau prédéfini :</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Entrée :</translation>
    </message>
    <message>
        <source>Hidden layers (first row = next to the input)</source>
        <translation>Couches cachées (première ligne = à côté de l'entrée)</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Sortie :</translation>
    </message>
    <message>
        <source>Initial weights:</source>
        <translation>Poids initiaux :</translation>
    </message>
    <message>
        <source>What each layer computes</source>
        <translation>Ce que calcule chaque couche</translation>
    </message>
    <message>
        <source>How the weights start before training:</source>
        <translation>Comment les poids démarrent avant l'entraînement :</translation>
    </message>
    <message>
        <source>{count:,} parameters</source>
        <translation>{count:,} paramètres</translation>
    </message>
    <message>
        <source>(weights W + biases b of each layer)</source>
        <translation>(poids W + biais b de chaque couche)</translation>
    </message>
</context>
<context>
    <name>gui.panels.draw_panel</name>
    <message>
        <source>Draw a digit</source>
        <translation>Dessinez un chiffre</translation>
    </message>
    <message>
        <source>Draw big: a digit that fills most of the square reads best.</source>
        <translation>Dessinez en grand : un chiffre qui remplit presque tout le carré est mieux lu.</translation>
    </message>
    <message>
        <source>No trained network yet.

Train one on the Training tab, or click Quick train: the default network learns the current dataset in one short run (under a minute), and you can draw while it learns.</source>
        <translation>Pas encore de réseau entraîné.

Entraînez-en un dans l'onglet Entraînement, ou cliquez sur « Entraînement rapide » : le réseau par défaut apprend le jeu de données actuel en une courte séance (moins d'une minute), et vous pouvez dessiner pendant qu'il apprend.</translation>
    </message>
    <message>
        <source>The current network does not take 28×28 images. Choose an image dataset on the Data tab.</source>
        <translation>Le réseau actuel ne prend pas d'images 28×28 en entrée. Choisissez un jeu de données d'images dans l'onglet Données.</translation>
    </message>
    <message>
        <source>The network's weights hold NaN or ∞ (its training diverged), so it cannot read a drawing. Reset the weights and train again with a smaller learning rate.</source>
        <translation>Les poids du réseau contiennent NaN ou ∞ (son entraînement a divergé) : il ne peut donc pas lire un dessin. Réinitialisez les poids et entraînez-le de nouveau avec un taux d'apprentissage plus petit.</translation>
    </message>
    <message>
        <source>Export my digits</source>
        <translation>Exporter mes chiffres</translation>
    </message>
    <message>
        <source>Digit collections (*.npz)</source>
        <translation>Collections de chiffres (*.npz)</translation>
    </message>
    <message>
        <source>Import digits</source>
        <translation>Importer des chiffres</translation>
    </message>
    <message>
        <source>Hidden {index} · {units} neurons · {activation}</source>
        <translation>Couche cachée {index} · {units} neurones · {activation}</translation>
    </message>
    <message>
        <source>The current dataset ({name}) is not made of images. Choose MNIST, Fashion-MNIST, Synthetic digits or My digits on the Data tab to draw.</source>
        <translation>Le jeu de données actuel ({name}) n'est pas fait d'images. Pour dessiner, choisissez MNIST, Fashion-MNIST, Synthetic digits ou My digits dans l'onglet Données.</translation>
    </message>
    <message>
        <source>Pen thickness in canvas pixels (the canvas is 280 across; MNIST strokes end up about 2–3 px wide after scaling to 20 px)</source>
        <translation>Épaisseur du crayon en pixels de la zone de dessin (elle fait 280 pixels de large ; les traits de MNIST font environ 2 à 3 px de large une fois réduits à 20 px)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>Retirer le dernier trait (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Wipe the canvas (Esc, Delete or right-click)</source>
        <translation>Effacer la zone de dessin (Échap, Suppr ou clic droit)</translation>
    </message>
    <message>
        <source>Random test image</source>
        <translation>Image de test au hasard</translation>
    </message>
    <message>
        <source>Put a real image from the test set on the canvas; you can then draw on it</source>
        <translation>Placer une vraie image du jeu de test dans la zone de dessin ; vous pouvez ensuite dessiner dessus</translation>
    </message>
    <message>
        <source>Pen thickness</source>
        <translation>Épaisseur du crayon</translation>
    </message>
    <message>
        <source>1. Draw a digit</source>
        <translation>1. Dessinez un chiffre</translation>
    </message>
    <message>
        <source>Crop to the ink</source>
        <translation>Recadrer sur l'encre</translation>
    </message>
    <message>
        <source>The bounding box of everything you drew</source>
        <translation>Le rectangle qui englobe tout ce que vous avez dessiné</translation>
    </message>
    <message>
        <source>Longer side → 20 px</source>
        <translation>Plus grand côté → 20 px</translation>
    </message>
    <message>
        <source>Scaled so the longer side is 20 pixels, keeping the shape; grey edges come from averaging (anti-aliasing), as in MNIST</source>
        <translation>Mis à l'échelle pour que le plus grand côté fasse 20 pixels, en gardant la forme ; les bords gris viennent de la moyenne des pixels (anticrénelage), comme dans MNIST</translation>
    </message>
    <message>
        <source>Centre of mass → middle</source>
        <translation>Centre de masse → milieu</translation>
    </message>
    <message>
        <source>Placed in a 28×28 field so that the ink's centre of mass is at the centre pixel (14, 14), exactly as MNIST was made</source>
        <translation>Placé dans un cadre de 28×28 pour que le centre de masse de l'encre soit sur le pixel central (14, 14), exactement comme MNIST a été construit</translation>
    </message>
    <message>
        <source>What the network sees (28 × 28)</source>
        <translation>Ce que voit le réseau (28 × 28)</translation>
    </message>
    <message>
        <source>The final input, normalised as in training: x = (pixel − 0.1307) / 0.3081</source>
        <translation>L'entrée finale, normalisée comme à l'entraînement : x = (pixel − 0.1307) / 0.3081</translation>
    </message>
    <message>
        <source>2. Prepared like MNIST</source>
        <translation>2. Préparé comme MNIST</translation>
    </message>
    <message>
        <source>Hidden neurons for this drawing</source>
        <translation>Neurones cachés pour ce dessin</translation>
    </message>
    <message>
        <source>Quick train</source>
        <translation>Entraînement rapide</translation>
    </message>
    <message>
        <source>Train the default network on the current dataset for one short run, so the canvas has a network to ask</source>
        <translation>Entraîner le réseau par défaut sur le jeu de données actuel le temps d'une courte séance, pour que le dessin ait un réseau à interroger</translation>
    </message>
    <message>
        <source>Training… %p%</source>
        <translation>Entraînement… %p %</translation>
    </message>
    <message>
        <source>Progress of the training run; the answer changes as the network learns</source>
        <translation>Progression de l'entraînement ; la réponse change à mesure que le réseau apprend</translation>
    </message>
    <message>
        <source>3. The network's answer</source>
        <translation>3. La réponse du réseau</translation>
    </message>
    <message>
        <source>My digits: keep your drawings to train on, or to test a network on your handwriting</source>
        <translation>Mes chiffres (My digits) : gardez vos dessins pour entraîner un réseau, ou pour le tester sur votre écriture</translation>
    </message>
    <message>
        <source>The digit you drew (its label)</source>
        <translation>Le chiffre que vous avez dessiné (son étiquette)</translation>
    </message>
    <message>
        <source>Add to my digits</source>
        <translation>Ajouter à mes chiffres</translation>
    </message>
    <message>
        <source>Keep the drawing with the label on the left (or press 0–9 while the canvas has the focus)</source>
        <translation>Garder le dessin avec l'étiquette à gauche (ou appuyer sur une touche de 0 à 9 quand la zone de dessin a le focus)</translation>
    </message>
    <message>
        <source>Your digits with their labels; 'label→answer' in red: the network read it wrong</source>
        <translation>Vos chiffres avec leurs étiquettes ; « étiquette→réponse » en rouge : le réseau s'est trompé</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected digits (Delete)</source>
        <translation>Retirer les chiffres sélectionnés (Suppr)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save a copy of your digits to a file, e.g. for your teacher</source>
        <translation>Enregistrer une copie de vos chiffres dans un fichier, par exemple pour votre professeur</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add the digits from a file (e.g. a classmate's); exact duplicates are skipped</source>
        <translation>Ajouter les chiffres d'un fichier (par exemple celui d'un camarade) ; les doublons exacts sont ignorés</translation>
    </message>
    <message>
        <source>Test the network on my digits</source>
        <translation>Tester le réseau sur mes chiffres</translation>
    </message>
    <message>
        <source>How many of your digits does the current network read correctly?</source>
        <translation>Combien de vos chiffres le réseau actuel lit-il correctement ?</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Test image #{number} of {dataset}, labelled “{label}”. Draw on it to change it; Clear to start again.</source>
        <translation>Image de test n° {number} de {dataset}, étiquetée « {label} ». Dessinez dessus pour la modifier ; « Effacer » pour recommencer.</translation>
    </message>
    <message>
        <source>Quick training started: the answer appears as soon as the network has its first weights.</source>
        <translation>Entraînement rapide lancé : la réponse apparaît dès que le réseau a ses premiers poids.</translation>
    </message>
    <message>
        <source>It was left where it is; new digits are not saved until it is moved away.</source>
        <translation>Il a été laissé à sa place ; les nouveaux chiffres ne seront pas enregistrés tant qu'il n'aura pas été déplacé.</translation>
    </message>
    <message>
        <source>It was kept as {name}, and a new, empty collection was started.</source>
        <translation>Il a été conservé sous le nom {name}, et une nouvelle collection vide a été commencée.</translation>
    </message>
    <message>
        <source>Draw a digit first, then add it to your digits with its label.</source>
        <translation>Dessinez d'abord un chiffre, puis ajoutez-le à vos chiffres avec son étiquette.</translation>
    </message>
    <message>
        <source>Added a {label}.</source>
        <translation>« {label} » ajouté.</translation>
    </message>
    <message>
        <source>Deleted {count}.</source>
        <translation>{count} supprimé(s).</translation>
    </message>
    <message>
        <source>Select digits to delete first.</source>
        <translation>Sélectionnez d'abord les chiffres à supprimer.</translation>
    </message>
    <message>
        <source>Exported {count} digits to {path}.</source>
        <translation>{count} chiffres exportés vers {path}.</translation>
    </message>
    <message>
        <source>Imported {count} new digits.</source>
        <translation>{count} nouveaux chiffres importés.</translation>
    </message>
    <message>
        <source>Add some digits first.</source>
        <translation>Ajoutez d'abord quelques chiffres.</translation>
    </message>
    <message>
        <source>The network reads {correct} of your {total} digits ({accuracy:.0%}).</source>
        <translation>Le réseau lit correctement {correct} de vos {total} chiffres ({accuracy:.0%}).</translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation>Étiquette {label}</translation>
    </message>
    <message>
        <source>{news}
{count} digits saved.</source>
        <translation>{news}
{count} chiffres enregistrés.</translation>
    </message>
    <message>
        <source>{count} × “{digit}”</source>
        <translation>{count} × « {digit} »</translation>
    </message>
    <message>
        <source>How many of each: {counts}</source>
        <translation>Combien de chaque : {counts}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l'instant</translation>
    </message>
</context>
<context>
    <name>gui.panels.inside_panel</name>
    <message>
        <source>Forward pass</source>
        <translation>Propagation avant</translation>
    </message>
    <message>
        <source>Softmax &amp;&amp; loss</source>
        <translation>Softmax &amp;&amp; perte</translation>
    </message>
    <message>
        <source>Backprop step by step</source>
        <translation>Rétropropagation pas à pas</translation>
    </message>
    <message>
        <source>Whole-network check</source>
        <translation>Vérification du réseau entier</translation>
    </message>
    <message>
        <source>Backward pass</source>
        <translation>Propagation arrière</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>arrière</translation>
    </message>
    <message>
        <source>update</source>
        <translation>mise à jour</translation>
    </message>
    <message>
        <source>Hover over a weight to see which input it multiplies (its input and its output light up).</source>
        <translation>Survolez un poids pour voir quelle entrée il multiplie (son entrée et sa sortie s'allument).</translation>
    </message>
    <message>
        <source>untrained (random) weights, seed 0 — train the network to see learned ones</source>
        <translation>poids non entraînés (aléatoires), graine 0 — entraînez le réseau pour voir des poids appris</translation>
    </message>
    <message>
        <source>Which layer to look inside: its weights W, input, bias b, z and h.</source>
        <translation>La couche à examiner : ses poids W, son entrée, son biais b, z et h.</translation>
    </message>
    <message>
        <source>Bias trick</source>
        <translation>Astuce du biais</translation>
    </message>
    <message>
        <source>Fold the bias into the weights: [W | b] · [x; 1] = W · x + b (shortcut B).</source>
        <translation>Intégrer le biais aux poids : [W | b] · [x; 1] = W · x + b (raccourci B).</translation>
    </message>
    <message>
        <source>Cell size of the tables; small cells show only colours (Ctrl + mouse wheel, Ctrl++ / Ctrl+−).</source>
        <translation>Taille des cases des tableaux ; les petites cases ne montrent que des couleurs (Ctrl + molette, Ctrl++ / Ctrl+−).</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identité</translation>
    </message>
    <message>
        <source>b{k}[{row}] = {bias} multiplies the appended 1</source>
        <translation>b{k}[{row}] = {bias} multiplie le 1 ajouté</translation>
    </message>
    <message>
        <source>the 1 appended to x, so that the last column of [W | b] adds the bias</source>
        <translation>le 1 ajouté à x, pour que la dernière colonne de [W | b] ajoute le biais</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>couche de sortie</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>couche cachée</translation>
    </message>
    <message>
        <source>no activation</source>
        <translation>sans activation</translation>
    </message>
    <message>
        <source>Layer {k} ({role}, {activation}): W{k} is {rows} × {cols}</source>
        <translation>Couche {k} ({role}, {activation}) : W{k} est {rows} × {cols}</translation>
    </message>
    <message>
        <source>Raw scores (logits) s of each class, separated by commas; press Enter.</source>
        <translation>Scores bruts (logits) s de chaque classe, séparés par des virgules ; appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Lecture example</source>
        <translation>Exemple du cours</translation>
    </message>
    <message>
        <source>The lecture's scores −6.8, 2.6, 5.9, 6.7, … (class 3 gets 0.66).</source>
        <translation>Les scores du cours −6.8, 2.6, 5.9, 6.7, … (la classe 3 obtient 0.66).</translation>
    </message>
    <message>
        <source>Network output</source>
        <translation>Sortie du réseau</translation>
    </message>
    <message>
        <source>Follow the scores the current network gives the chosen input (live).</source>
        <translation>Suivre les scores que le réseau actuel donne à l'entrée choisie (en direct).</translation>
    </message>
    <message>
        <source>Temperature T in p_i = exp(s_i / T) / Σ_j exp(s_j / T): T &lt; 1 sharpens, T &gt; 1 flattens the probabilities.</source>
        <translation>Température T dans p_i = exp(s_i / T) / Σ_j exp(s_j / T) : T &lt; 1 accentue, T &gt; 1 aplatit les probabilités.</translation>
    </message>
    <message>
        <source>The correct class y; the loss is L = −log p_y.</source>
        <translation>La bonne classe y ; la perte vaut L = −log p_y.</translation>
    </message>
    <message>
        <source>class</source>
        <translation>classe</translation>
    </message>
    <message>
        <source>score s</source>
        <translation>score s</translation>
    </message>
    <message>
        <source>Each step of softmax for every class; the last row sums the column.</source>
        <translation>Chaque étape du softmax pour chaque classe ; la dernière ligne fait la somme de la colonne.</translation>
    </message>
    <message>
        <source>probability p</source>
        <translation>probabilité p</translation>
    </message>
    <message>
        <source>Predictions ŷ of a regression network, separated by commas.</source>
        <translation>Prédictions ŷ d'un réseau de régression, séparées par des virgules.</translation>
    </message>
    <message>
        <source>Targets y (one number for all, or one per prediction).</source>
        <translation>Cibles y (un nombre pour toutes, ou un par prédiction).</translation>
    </message>
    <message>
        <source>Use the current network's output and the target of the chosen input.</source>
        <translation>Utiliser la sortie du réseau actuel et la cible de l'entrée choisie.</translation>
    </message>
    <message>
        <source>Scores s:</source>
        <translation>Scores s :</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>   Correct class y</source>
        <translation>   Bonne classe y</translation>
    </message>
    <message>
        <source>Regression outputs: MSE, RMSE and MAE</source>
        <translation>Sorties de régression : MSE, RMSE et MAE</translation>
    </message>
    <message>
        <source>Predictions ŷ</source>
        <translation>Prédictions ŷ</translation>
    </message>
    <message>
        <source>Targets y</source>
        <translation>Cibles y</translation>
    </message>
    <message>
        <source>Cross-entropy loss L = −log p({label}) = −log {p} = {loss}        (predicted: {predicted})</source>
        <translation>Perte d'entropie croisée L = −log p({label}) = −log {p} = {loss}        (prédiction : {predicted})</translation>
    </message>
    <message>
        <source>class {index}</source>
        <translation>classe {index}</translation>
    </message>
    <message>
        <source>class {index} '{name}'</source>
        <translation>classe {index} « {name} »</translation>
    </message>
    <message>
        <source> (shifted by {shift})</source>
        <translation> (décalé de {shift})</translation>
    </message>
    <message>
        <source>errors ŷ − y = {errors}</source>
        <translation>erreurs ŷ − y = {errors}</translation>
    </message>
    <message>
        <source>Chain: h = w1·x,  ŷ = w2·h,  L = ½(ŷ − y)²</source>
        <translation>Chaîne : h = w1·x,  ŷ = w2·h,  L = ½(ŷ − y)²</translation>
    </message>
    <message>
        <source>2-2-1 network with ReLU: z = W1·x + b1,  h = ReLU(z),  ŷ = w2·h + b2</source>
        <translation>Réseau 2-2-1 avec ReLU : z = W1·x + b1,  h = ReLU(z),  ŷ = w2·h + b2</translation>
    </message>
    <message>
        <source>x (2 numbers)</source>
        <translation>x (2 nombres)</translation>
    </message>
    <message>
        <source>W1 (4 numbers, row by row)</source>
        <translation>W1 (4 nombres, ligne par ligne)</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>cible y</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>taux d'apprentissage η</translation>
    </message>
    <message>
        <source>Which tiny network to backpropagate through by hand.</source>
        <translation>Le petit réseau dans lequel rétropropager à la main.</translation>
    </message>
    <message>
        <source>{what}; press Enter to recompute every step.</source>
        <translation>{what} ; appuyez sur Entrée pour recalculer toutes les étapes.</translation>
    </message>
    <message>
        <source>Learning rate η in w ← w − η·∂L/∂w.</source>
        <translation>Taux d'apprentissage η dans w ← w − η·∂L/∂w.</translation>
    </message>
    <message>
        <source>The value of {name}.</source>
        <translation>La valeur de {name}.</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <translation>◀  Précédent</translation>
    </message>
    <message>
        <source>Next  ▶</source>
        <translation>Suivant  ▶</translation>
    </message>
    <message>
        <source>«  Start</source>
        <translation>«  Début</translation>
    </message>
    <message>
        <source>Show all  »</source>
        <translation>Tout afficher  »</translation>
    </message>
    <message>
        <source>Go one step back (Left arrow, Page Up).</source>
        <translation>Revenir d'une étape (flèche gauche, Page précédente).</translation>
    </message>
    <message>
        <source>Show the next step (Right arrow, Page Down).</source>
        <translation>Afficher l'étape suivante (flèche droite, Page suivante).</translation>
    </message>
    <message>
        <source>Back to the first step (Home).</source>
        <translation>Revenir à la première étape (Début).</translation>
    </message>
    <message>
        <source>Show every step at once (End).</source>
        <translation>Afficher toutes les étapes d'un coup (Fin).</translation>
    </message>
    <message>
        <source>What is known so far: values (top) appear on the way forward, gradients (bottom) on the way back, new weights after the update.</source>
        <translation>Ce que l'on connaît jusqu'ici : les valeurs (en haut) apparaissent à l'aller, les gradients (en bas) au retour, les nouveaux poids après la mise à jour.</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>passe</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>formula with the numbers</source>
        <translation>formule avec les nombres</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>|difference|</source>
        <translation>|différence|</translation>
    </message>
    <message>
        <source>The steps so far; torch.autograd computes the same quantities for comparison.</source>
        <translation>Les étapes jusqu'ici ; torch.autograd calcule les mêmes grandeurs pour comparer.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Type {count} numbers for {what}.</source>
        <translation>Tapez {count} nombres pour {what}.</translation>
    </message>
    <message>
        <source>Type {count} number for {what}.</source>
        <translation>Tapez {count} nombre pour {what}.</translation>
    </message>
    <message>
        <source>{phase} · step {step} of {steps}</source>
        <translation>{phase} · étape {step} sur {steps}</translation>
    </message>
    <message>
        <source>torch.autograd: loading torch for the comparison…</source>
        <translation>torch.autograd : chargement de torch pour la comparaison…</translation>
    </message>
    <message>
        <source>A local derivative: no separate torch value (it is part of the product that follows).</source>
        <translation>Une dérivée locale : pas de valeur torch séparée (elle fait partie du produit qui suit).</translation>
    </message>
    <message>
        <source>✓ the same</source>
        <translation>✓ identique</translation>
    </message>
    <message>
        <source>✗ different</source>
        <translation>✗ différent</translation>
    </message>
    <message>
        <source>torch.autograd gives {value}   {verdict} (|difference| = {difference})</source>
        <translation>torch.autograd donne {value}   {verdict} (|différence| = {difference})</translation>
    </message>
    <message>
        <source>The loss to differentiate (as in training: cross-entropy on the logits; MSE/MAE compare softmax with the one-hot target).</source>
        <translation>La perte à dériver (comme à l'entraînement : entropie croisée sur les logits ; MSE/MAE comparent le softmax à la cible one-hot).</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>couche</translation>
    </message>
    <message>
        <source>rule for δ = ∂L/∂z</source>
        <translation>règle pour δ = ∂L/∂z</translation>
    </message>
    <message>
        <source>∂L/∂W shape</source>
        <translation>forme de ∂L/∂W</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ manual (numpy)</source>
        <translation>‖∂L/∂W‖ à la main (numpy)</translation>
    </message>
    <message>
        <source>max |diff| ∂L/∂W</source>
        <translation>max |écart| ∂L/∂W</translation>
    </message>
    <message>
        <source>max |diff| ∂L/∂b</source>
        <translation>max |écart| ∂L/∂b</translation>
    </message>
    <message>
        <source>∂L/∂W = δ·(layer input)ᵀ and ∂L/∂b = δ for each layer; pick a row to see it.</source>
        <translation>∂L/∂W = δ·(entrée de la couche)ᵀ et ∂L/∂b = δ pour chaque couche ; choisissez une ligne pour la voir.</translation>
    </message>
    <message>
        <source>manual backward pass (numpy)</source>
        <translation>propagation arrière à la main (numpy)</translation>
    </message>
    <message>
        <source>∂L/∂W of the chosen layer (rows: neurons, columns: inputs); blue &lt; 0 &lt; red, the same scale for both.</source>
        <translation>∂L/∂W de la couche choisie (lignes : neurones, colonnes : entrées) ; bleu &lt; 0 &lt; rouge, la même échelle pour les deux.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>{description}:   loss manual {manual},  autograd {autograd}</source>
        <translation>{description} :   perte à la main {manual},  autograd {autograd}</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>Loading torch to compare with torch.autograd…</source>
        <translation>Chargement de torch pour comparer avec torch.autograd…</translation>
    </message>
    <message>
        <source>✓ manual backward pass = torch.autograd</source>
        <translation>✓ propagation arrière à la main = torch.autograd</translation>
    </message>
    <message>
        <source>✗ manual and autograd disagree!</source>
        <translation>✗ le calcul à la main et autograd ne concordent pas !</translation>
    </message>
    <message>
        <source>Largest difference over all {count:,} gradients: {difference}   {verdict}</source>
        <translation>Plus grand écart sur l'ensemble des {count:,} gradients : {difference}   {verdict}</translation>
    </message>
    <message>
        <source>torch.autograd (loading…)</source>
        <translation>torch.autograd (chargement…)</translation>
    </message>
    <message>
        <source>Current drawing</source>
        <translation>Dessin actuel</translation>
    </message>
    <message>
        <source>Test image #</source>
        <translation>Image de test n°</translation>
    </message>
    <message>
        <source>Example input (random)</source>
        <translation>Entrée d'exemple (aléatoire)</translation>
    </message>
    <message>
        <source>your drawing</source>
        <translation>votre dessin</translation>
    </message>
    <message>
        <source>test image</source>
        <translation>image de test</translation>
    </message>
    <message>
        <source>toy-set point</source>
        <translation>point du jeu jouet</translation>
    </message>
    <message>
        <source>label {label}</source>
        <translation>étiquette {label}</translation>
    </message>
    <message>
        <source>target y = {target}</source>
        <translation>cible y = {target}</translation>
    </message>
    <message>
        <source>{kind} #{index} ({shown})</source>
        <translation>{kind} n° {index} ({shown})</translation>
    </message>
    <message>
        <source>a random example input (seed 0)</source>
        <translation>une entrée d'exemple aléatoire (graine 0)</translation>
    </message>
    <message>
        <source>The comparison with torch.autograd is not available: </source>
        <translation>La comparaison avec torch.autograd n'est pas disponible : </translation>
    </message>
    <message>
        <source>Which example goes through the network: your drawing, an example of the data set, or a fixed random input.</source>
        <translation>L'exemple qui traverse le réseau : votre dessin, un exemple du jeu de données, ou une entrée aléatoire fixe.</translation>
    </message>
    <message>
        <source>Number of the test image or toy-set point.</source>
        <translation>Numéro de l'image de test ou du point du jeu jouet.</translation>
    </message>
    <message>
        <source>The correct class y used by the loss (taken from the data when it has one).</source>
        <translation>La bonne classe y utilisée par la perte (prise dans les données quand elles en ont une).</translation>
    </message>
    <message>
        <source>The input as a picture.</source>
        <translation>L'entrée sous forme d'image.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Correct class</source>
        <translation>Bonne classe</translation>
    </message>
    <message>
        <source>Toy-set point #</source>
        <translation>Point du jeu jouet n°</translation>
    </message>
    <message>
        <source>Looking at {input} through the {network} network</source>
        <translation>On suit {input} à travers le réseau {network}</translation>
    </message>
    <message>
        <source>trained weights, step {step:,}</source>
        <translation>poids entraînés, étape {step:,}</translation>
    </message>
    <message>
        <source>, correct class {label}</source>
        <translation>, bonne classe {label}</translation>
    </message>
    <message>
        <source>, target y = {target}</source>
        <translation>, cible y = {target}</translation>
    </message>
</context>
<context>
    <name>gui.panels.lesson_panel</name>
    <message>
        <source>Choose a lesson; they follow the lecture from neurons to overfitting.</source>
        <translation>Choisissez une leçon ; elles suivent le cours, des neurones jusqu'au surapprentissage.</translation>
    </message>
    <message>
        <source>What this lesson is about.</source>
        <translation>Ce dont parle cette leçon.</translation>
    </message>
    <message>
        <source>The current step and how many there are.</source>
        <translation>L'étape en cours et le nombre d'étapes.</translation>
    </message>
    <message>
        <source>The explanation for this step.</source>
        <translation>L'explication de cette étape.</translation>
    </message>
    <message>
        <source>A question to think about before you go on.</source>
        <translation>Une question à laquelle réfléchir avant de continuer.</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédent</translation>
    </message>
    <message>
        <source>Go back to the previous step (Alt+P).</source>
        <translation>Revenir à l'étape précédente (Alt+P).</translation>
    </message>
    <message>
        <source>&amp;Show me</source>
        <translation>&amp;Montre-moi</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivant ▶</translation>
    </message>
    <message>
        <source>Go on to the next step (Alt+N).</source>
        <translation>Passer à l'étape suivante (Alt+S).</translation>
    </message>
    <message>
        <source>Lesson files that could not be read, and why.</source>
        <translation>Les fichiers de leçon qui n'ont pas pu être lus, et pourquoi.</translation>
    </message>
    <message>
        <source>Step {number} of {total}: {title}</source>
        <translation>Étape {number} sur {total} : {title}</translation>
    </message>
    <message>
        <source>Think: {question}</source>
        <translation>Réfléchissez : {question}</translation>
    </message>
    <message>
        <source>No lessons could be read.</source>
        <translation>Aucune leçon n'a pu être lue.</translation>
    </message>
    <message>
        <source>Pause or stop the training first: “Show me” changes the data, network or settings.</source>
        <translation>Mettez d'abord l'entraînement en pause ou arrêtez-le : « Montre-moi » change les données, le réseau ou les réglages.</translation>
    </message>
    <message>
        <source>{tip} (Alt+S)</source>
        <translation>{tip} (Alt+M)</translation>
    </message>
    <message>
        <source>These lesson files could not be read:</source>
        <translation>Ces fichiers de leçon n'ont pas pu être lus :</translation>
    </message>
</context>
<context>
    <name>gui.panels.terrain_panel</name>
    <message>
        <source>1-D game</source>
        <translation>Jeu en 1D</translation>
    </message>
    <message>
        <source>2-D terrain &amp; race</source>
        <translation>Terrain 2D et course</translation>
    </message>
    <message>
        <source>Caveman's regression</source>
        <translation>La régression de l'homme des cavernes</translation>
    </message>
    <message>
        <source>A creature in the mist feels only the slope under its feet: play gradient descent by hand or by the rule, on the lecture's terrains.</source>
        <translation>Une créature dans la brume ne sent que la pente sous ses pieds : jouez à la descente de gradient à la main ou avec la règle, sur les terrains du cours.</translation>
    </message>
    <message>
        <source>A 2-D loss surface with its gradient, and a race between GD, momentum, RMSProp and Adam.</source>
        <translation>Une surface de perte en 2D avec son gradient, et une course entre GD, momentum, RMSProp et Adam.</translation>
    </message>
    <message>
        <source>Fit the caveman's line f(x) = w·x + b: by hand, then by gradient descent on the loss terrain.</source>
        <translation>Ajustez la droite de l'homme des cavernes f(x) = w·x + b : à la main, puis par descente de gradient sur le paysage de la perte.</translation>
    </message>
</context>
<context>
    <name>gui.panels.training_panel</name>
    <message>
        <source>completed</source>
        <translation>entraînement complet</translation>
    </message>
    <message>
        <source>early stopped</source>
        <translation>arrêt précoce</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergence</translation>
    </message>
    <message>
        <source> · ETA {minutes}:{seconds:02d}</source>
        <translation> · reste {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step:,}/{total:,} · {rate:,.0f} samples/s{eta}</source>
        <translation>Époque {epoch}/{epochs} · étape {step:,}/{total:,} · {rate:,.0f} exemples/s{eta}</translation>
    </message>
    <message>
        <source>Do what the message suggests.</source>
        <translation>Faire ce que le message propose.</translation>
    </message>
    <message>
        <source>How each step uses the gradient: SGD w ← w − η·g; momentum keeps a velocity v ← 0.9·v + g; RMSProp and Adam scale steps per weight.</source>
        <translation>Comment chaque pas utilise le gradient : SGD w ← w − η·g ; le momentum (inertie) garde une vitesse v ← 0.9·v + g ; RMSProp et Adam adaptent la taille du pas pour chaque poids.</translation>
    </message>
    <message>
        <source>What is minimised: cross-entropy −log p(correct class); MSE mean (ŷ − y)²; MAE mean |ŷ − y|.</source>
        <translation>Ce qui est minimisé : entropie croisée −log p(bonne classe) ; MSE moyenne de (ŷ − y)² ; MAE moyenne de |ŷ − y|.</translation>
    </message>
    <message>
        <source>An epoch is one pass over the whole training set.</source>
        <translation>Une époque est un passage sur tout le jeu d'entraînement.</translation>
    </message>
    <message>
        <source>Random seed for the initial weights and the order of samples: same seed, same run.</source>
        <translation>Graine aléatoire des poids initiaux et de l'ordre des exemples : même graine, même entraînement.</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Taux d'apprentissage η</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Start or continue training (Space); press again to pause.</source>
        <translation>Lancer ou continuer l'entraînement (Espace) ; appuyez de nouveau pour faire une pause.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Un pas</translation>
    </message>
    <message>
        <source>Train on exactly one batch, then pause (S).</source>
        <translation>Entraîner sur exactement un lot, puis faire une pause (S).</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>End the run and measure the test accuracy.</source>
        <translation>Terminer l'entraînement et mesurer l'exactitude sur le jeu de test.</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>Réinitialiser les poids</translation>
    </message>
    <message>
        <source>Throw the trained weights away and start again from random ones (R).</source>
        <translation>Jeter les poids entraînés et repartir de poids aléatoires (R).</translation>
    </message>
    <message>
        <source>How much of the run is done.</source>
        <translation>La part de l'entraînement déjà faite.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Epoch, step, speed and time left of the current run.</source>
        <translation>Époque, étape, vitesse et temps restant de l'entraînement en cours.</translation>
    </message>
    <message>
        <source>Overfit me</source>
        <translation>Provoquer le surapprentissage</translation>
    </message>
    <message>
        <source>200 training images, a wide 512-512 network, no regularisation, 100 epochs: watch validation loss rise while training loss falls.</source>
        <translation>200 images d'entraînement, un large réseau 512-512, aucune régularisation, 100 époques : regardez la perte de validation monter pendant que la perte d'entraînement descend.</translation>
    </message>
    <message>
        <source>…then cure it</source>
        <translation>…puis le soigner</translation>
    </message>
    <message>
        <source>The same experiment with L2, dropout 0.5 and early stopping; the previous run stays on the curves as a dotted reference.</source>
        <translation>La même expérience avec pénalité L2, dropout 0.5 et arrêt précoce ; l'entraînement précédent reste sur les courbes en pointillés, comme référence.</translation>
    </message>
    <message>
        <source>Fight overfitting</source>
        <translation>Combattre le surapprentissage</translation>
    </message>
    <message>
        <source>Data augmentation (image data only):</source>
        <translation>Augmentation de données (images seulement) :</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Decision / fit</source>
        <translation>Décision / ajustement</translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>Normes des gradients</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Résultats du test</translation>
    </message>
    <message>
        <source>Quick train needs digit images: choose MNIST or Synthetic digits in the Data tab, then press Quick train again.</source>
        <translation>L'entraînement rapide a besoin d'images de chiffres : choisissez MNIST ou Synthetic digits dans l'onglet Données, puis appuyez de nouveau sur « Entraînement rapide ».</translation>
    </message>
    <message>
        <source>Load a dataset first (Data tab), then train.</source>
        <translation>Chargez d'abord un jeu de données (onglet Données), puis entraînez.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Training diverged at step {step}. {message}</source>
        <translation>L'entraînement a divergé à l'étape {step}. {message}</translation>
    </message>
    <message>
        <source>Retry at η = {rate:g}</source>
        <translation>Réessayer avec η = {rate:g}</translation>
    </message>
    <message>
        <source>Start again from new random weights with a learning rate 10× smaller.</source>
        <translation>Repartir de nouveaux poids aléatoires avec un taux d'apprentissage 10× plus petit.</translation>
    </message>
    <message>
        <source>Step {step}: {message}</source>
        <translation>Étape {step} : {message}</translation>
    </message>
    <message>
        <source>Done: {outcome} after {steps:,} steps</source>
        <translation>Fin : {outcome} après {steps:,} étapes</translation>
    </message>
</context>
<context>
    <name>gui.training_controller</name>
    <message>
        <source>Training stopped with an error: </source>
        <translation>L'entraînement s'est arrêté sur une erreur : </translation>
    </message>
</context>
<context>
    <name>gui.widgets.activation_strip</name>
    <message>
        <source>Hidden activations h = activation(W·x + b) for the current drawing: each cell is one neuron, brighter = stronger response (relative to the layer's strongest); blue = negative.</source>
        <translation>Activations cachées h = activation(W·x + b) pour le dessin actuel : chaque case est un neurone, plus clair = réponse plus forte (par rapport au plus fort de la couche) ; bleu = négatif.</translation>
    </message>
    <message>
        <source>No hidden layers</source>
        <translation>Aucune couche cachée</translation>
    </message>
</context>
<context>
    <name>gui.widgets.augmentation_controls</name>
    <message>
        <source>Shift</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Moves each training image by a random amount, up to ± this many pixels left/right and up/down:
x' = x + Δx,  y' = y + Δy,  Δx, Δy ~ U(−s, s).</source>
        <translation>Déplace chaque image d'entraînement d'une quantité aléatoire, jusqu'à ± ce nombre de pixels vers la gauche/la droite et vers le haut/le bas :
x' = x + Δx,  y' = y + Δy,  Δx, Δy ~ U(−s, s).</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Turns each training image about its centre by a random angle up to ± this many degrees:
θ ~ U(−r, r).</source>
        <translation>Fait tourner chaque image d'entraînement autour de son centre d'un angle aléatoire allant jusqu'à ± ce nombre de degrés :
θ ~ U(−r, r).</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <source>Enlarges or shrinks each training image by a random factor 1 + u,  u ~ U(−s, s)
(0.10 means anything from 90 % to 110 %).</source>
        <translation>Agrandit ou rétrécit chaque image d'entraînement d'un facteur aléatoire 1 + u,  u ~ U(−s, s)
(0.10 signifie n'importe quelle taille entre 90 % et 110 %).</translation>
    </message>
    <message>
        <source>Stroke thickness</source>
        <translation>Épaisseur du trait</translation>
    </message>
    <message>
        <source>Makes the strokes of each training image thicker or thinner by a random amount a:
p' = p + a·(dilate(p) − p) for a &gt; 0 (up to +s), towards erode(p) for a &lt; 0 (up to −s/2);
dilate/erode take the max/min over each pixel's 3×3 neighbourhood.</source>
        <translation>Rend les traits de chaque image d'entraînement plus épais ou plus fins d'une quantité aléatoire a :
p' = p + a·(dilate(p) − p) pour a &gt; 0 (jusqu'à +s), vers erode(p) pour a &lt; 0 (jusqu'à −s/2) ;
dilate/erode prennent le max/min sur le voisinage 3×3 de chaque pixel.</translation>
    </message>
    <message>
        <source>Pixel noise</source>
        <translation>Bruit sur les pixels</translation>
    </message>
    <message>
        <source>Adds random Gaussian noise to every pixel, then clips to [0, 1]:
p' = clip(p + σ·n, 0, 1),  n ~ N(0, 1).</source>
        <translation>Ajoute un bruit gaussien aléatoire à chaque pixel, puis ramène la valeur dans [0, 1] :
p' = clip(p + σ·n, 0, 1),  n ~ N(0, 1).</translation>
    </message>
    <message>
        <source>Eight training images with the random changes applied, as the network will see them.
Every batch gets new random changes; “New examples” draws another set.</source>
        <translation>Huit images d'entraînement avec les modifications aléatoires appliquées, telles que le réseau les verra.
Chaque lot reçoit de nouvelles modifications aléatoires ; « Nouveaux exemples » en tire un autre jeu.</translation>
    </message>
    <message>
        <source>&amp;No augmentation</source>
        <translation>&amp;Aucune augmentation</translation>
    </message>
    <message>
        <source>Set every slider to 0: the network trains on the images exactly as they are.</source>
        <translation>Remet chaque curseur à 0 : le réseau s'entraîne sur les images exactement telles qu'elles sont.</translation>
    </message>
    <message>
        <source>New &amp;examples</source>
        <translation>Nouveaux &amp;exemples</translation>
    </message>
    <message>
        <source>Draw another set of random changes for the preview (training draws new ones for every batch anyway).</source>
        <translation>Tire un autre jeu de modifications aléatoires pour l'aperçu (l'entraînement en tire de toute façon de nouvelles pour chaque lot).</translation>
    </message>
    <message>
        <source>Choose an image dataset to see its training images here.</source>
        <translation>Choisissez un jeu de données d'images pour voir ici ses images d'entraînement.</translation>
    </message>
    <message>
        <source>Augmentation changes images; choose an image dataset (MNIST, Fashion-MNIST, digits) to use it.</source>
        <translation>L'augmentation de données modifie des images ; choisissez un jeu de données d'images (MNIST, Fashion-MNIST, chiffres) pour l'utiliser.</translation>
    </message>
    <message>
        <source>Training draws new random changes for every batch; the test and validation images are never changed.</source>
        <translation>L'entraînement tire de nouvelles modifications aléatoires pour chaque lot ; les images de test et de validation ne sont jamais modifiées.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.batch_size_control</name>
    <message>
        <source>1 — stochastic</source>
        <translation>1 — stochastique</translation>
    </message>
    <message>
        <source>all — batch GD</source>
        <translation>tout — lot complet</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: one sample per step (noisy, many steps).</source>
        <translation>Descente de gradient stochastique : un exemple par pas (bruitée, beaucoup de pas).</translation>
    </message>
    <message>
        <source>Batch gradient descent: the whole training set per step (smooth, one step per epoch).</source>
        <translation>Descente de gradient sur le lot complet : tout le jeu d'entraînement à chaque pas (régulière, un pas par époque).</translation>
    </message>
    <message>
        <source>Batch gradient descent: all {count:,} samples per step (smooth, one step per epoch).</source>
        <translation>Descente de gradient sur le lot complet : les {count:,} exemples à chaque pas (régulière, un pas par époque).</translation>
    </message>
    <message>
        <source>Mini-batch gradient descent: {size} samples per step.</source>
        <translation>Descente de gradient par mini-lots : {size} exemples par pas.</translation>
    </message>
    <message>
        <source>Common batch sizes: 1 = stochastic, N = mini-batch, all = batch gradient descent.</source>
        <translation>Tailles de lot courantes : 1 = stochastique, N = mini-lot, tout = descente de gradient sur le lot complet.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tout</translation>
    </message>
    <message>
        <source>Samples per gradient step (0 = all samples = batch gradient descent).</source>
        <translation>Exemples par pas de gradient (0 = tous les exemples = descente de gradient sur le lot complet).</translation>
    </message>
</context>
<context>
    <name>gui.widgets.decision_view</name>
    <message>
        <source>The decision boundary needs a 2-D dataset (two inputs) or a 1-D curve; {name} has {size} inputs.</source>
        <translation>La frontière de décision demande un jeu de données 2-D (deux entrées) ou une courbe 1-D ; {name} a {size} entrées.</translation>
    </message>
    <message>
        <source>Choose a dataset to see what the network learns about it.</source>
        <translation>Choisissez un jeu de données pour voir ce que le réseau en apprend.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>classe {number}</translation>
    </message>
    <message>
        <source>The network after step {step:,}</source>
        <translation>Le réseau après l'étape {step:,}</translation>
    </message>
    <message>
        <source>Step {step:,}: the network's output is not finite, so this frame was skipped.</source>
        <translation>Étape {step:,} : la sortie du réseau n'est pas finie, cette mise à jour a donc été ignorée.</translation>
    </message>
    <message>
        <source>Decision boundary: colour = the network's probability, line = 50 %</source>
        <translation>Frontière de décision : couleur = probabilité donnée par le réseau, ligne = 50 %</translation>
    </message>
    <message>
        <source>x₁ (first input)</source>
        <translation>x₁ (première entrée)</translation>
    </message>
    <message>
        <source>x₂ (second input)</source>
        <translation>x₂ (deuxième entrée)</translation>
    </message>
    <message>
        <source>Train the network to see how it divides the plane.</source>
        <translation>Entraînez le réseau pour voir comment il partage le plan.</translation>
    </message>
    <message>
        <source>Fitted curve: the network's output ŷ(x) over the training data</source>
        <translation>Courbe ajustée : la sortie ŷ(x) du réseau sur les données d'entraînement</translation>
    </message>
    <message>
        <source>x (input)</source>
        <translation>x (entrée)</translation>
    </message>
    <message>
        <source>y (target) and ŷ (prediction)</source>
        <translation>y (cible) et ŷ (prédiction)</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>données d'entraînement</translation>
    </message>
    <message>
        <source>network ŷ(x)</source>
        <translation>réseau ŷ(x)</translation>
    </message>
    <message>
        <source>Train the network to see its curve follow the data.</source>
        <translation>Entraînez le réseau pour voir sa courbe suivre les données.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.drawing_canvas</name>
    <message>
        <source>Draw a digit with the mouse, a pen or a finger. Right-click, Esc or Delete clears; Ctrl+Z undoes the last stroke; keys 0–9 add the drawing to your digits.</source>
        <translation>Dessinez un chiffre à la souris, au stylet ou au doigt. Clic droit, Échap ou Suppr efface ; Ctrl+Z annule le dernier trait ; les touches 0–9 ajoutent le dessin à vos chiffres.</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Dessinez un chiffre ici</translation>
    </message>
</context>
<context>
    <name>gui.widgets.epoch_curves</name>
    <message>
        <source>Accuracy per epoch</source>
        <translation>Exactitude par époque</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>{metric} per epoch</source>
        <translation>{metric} par époque</translation>
    </message>
    <message>
        <source>Training (blue) and validation (orange) per epoch; the shaded band is the gap between them. Dotted: the previous run, to compare.</source>
        <translation>Entraînement (bleu) et validation (orange) à chaque époque ; la bande ombrée est l'écart entre les deux. En pointillés : l'entraînement précédent, pour comparer.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>best epoch (restored)</source>
        <translation>meilleure époque (restaurée)</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>Perte par époque</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>Train a network: one point per epoch appears here.</source>
        <translation>Entraînez un réseau : un point par époque apparaît ici.</translation>
    </message>
    <message>
        <source>What the two curves say: a growing gap where validation loss rises while training loss falls means overfitting.</source>
        <translation>Ce que disent les deux courbes : un écart qui se creuse, la perte de validation montant pendant que la perte d'entraînement baisse, signale un surapprentissage.</translation>
    </message>
    <message>
        <source>Early stopping restored the weights of epoch {epoch}, where the validation loss was lowest; the epochs after it only fitted the training set better.</source>
        <translation>L'arrêt précoce a restauré les poids de l'époque {epoch}, où la perte de validation était la plus basse ; les époques suivantes n'ont fait que mieux coller au jeu d'entraînement.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.layer_table</name>
    <message>
        <source>Sigmoid σ</source>
        <translation>Sigmoïde σ</translation>
    </message>
    <message>
        <source>none (linear)</source>
        <translation>aucune (linéaire)</translation>
    </message>
    <message>
        <source>LeakyReLU(z) = z if z &gt; 0 else 0.01·z</source>
        <translation>LeakyReLU(z) = z si z &gt; 0, sinon 0.01·z</translation>
    </message>
    <message>
        <source>h = z (no activation: stacked linear layers stay one linear map)</source>
        <translation>h = z (pas d'activation : des couches linéaires empilées restent une seule application linéaire)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>Neurones</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Ajouter une couche</translation>
    </message>
    <message>
        <source>Insert a hidden layer below the selected one (Ctrl+Shift+A)</source>
        <translation>Insère une couche cachée sous la couche sélectionnée (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected hidden layer (Ctrl+Shift+D)</source>
        <translation>Supprime la couche cachée sélectionnée (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move the selected layer towards the input (Alt+Up)</source>
        <translation>Déplace la couche sélectionnée vers l'entrée (Alt+Up)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the selected layer towards the output (Alt+Down)</source>
        <translation>Déplace la couche sélectionnée vers la sortie (Alt+Down)</translation>
    </message>
    <message>
        <source>The hidden layers, from the input (top) to the output (bottom). Each computes h = activation(W·x + b).</source>
        <translation>Les couches cachées, de l'entrée (en haut) à la sortie (en bas). Chacune calcule h = activation(W·x + b).</translation>
    </message>
    <message>
        <source>Hidden layer {number}: click to select it</source>
        <translation>Couche cachée {number} : cliquez pour la sélectionner</translation>
    </message>
    <message>
        <source>Neurons in this layer (1–{most}); W has one row per neuron</source>
        <translation>Neurones de cette couche (1–{most}) ; W a une ligne par neurone</translation>
    </message>
    <message>
        <source>Activation applied to each neuron: h = f(z)</source>
        <translation>Fonction d'activation appliquée à chaque neurone : h = f(z)</translation>
    </message>
    <message>
        <source>Dropout (0–0.9): during training each neuron of this layer is switched off with this probability (the others are scaled by 1/(1−p)); off when predicting</source>
        <translation>Dropout (0–0.9) : pendant l'entraînement, chaque neurone de cette couche est éteint avec cette probabilité (les autres sont multipliés par 1/(1−p)) ; inactif lors des prédictions</translation>
    </message>
</context>
<context>
    <name>gui.widgets.learning_rate_control</name>
    <message>
        <source>Learning rate η on a log scale (1e-5 … 10): each step moves the weights by −η × gradient. Too small: slow. Too large: the loss explodes.</source>
        <translation>Taux d'apprentissage η sur une échelle logarithmique (1e-5 … 10) : chaque pas déplace les poids de −η × gradient. Trop petit : lent. Trop grand : la perte explose.</translation>
    </message>
    <message>
        <source>Type an exact learning rate, e.g. 0.01 or 3e-4, and press Enter.</source>
        <translation>Tapez un taux d'apprentissage exact, par exemple 0.01 ou 3e-4, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>“{text}” is not a learning rate between 0.00001 and 10.</source>
        <translation>« {text} » n'est pas un taux d'apprentissage compris entre 0.00001 et 10.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.loss_plot</name>
    <message>
        <source>Loss per step</source>
        <translation>Perte à chaque pas</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>each batch</source>
        <translation>chaque lot</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>lissée</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergence</translation>
    </message>
    <message>
        <source>The loss of every training step (light) and its moving average (dark). It should fall; if it shoots up, the learning rate is too large.</source>
        <translation>La perte de chaque pas d'entraînement (clair) et sa moyenne glissante (foncé). Elle doit baisser ; si elle s'envole, le taux d'apprentissage est trop grand.</translation>
    </message>
    <message>
        <source>loss + L1 and L2 penalties</source>
        <translation>perte + pénalités L1 et L2</translation>
    </message>
    <message>
        <source>loss + L1 penalty λ₁·Σ|W|</source>
        <translation>perte + pénalité L1 λ₁·Σ|W|</translation>
    </message>
    <message>
        <source>loss + L2 penalty λ·ΣW²</source>
        <translation>perte + pénalité L2 λ·ΣW²</translation>
    </message>
</context>
<context>
    <name>gui.widgets.network_diagram</name>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Hidden {index}</source>
        <translation>Cachée {index}</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linéaire</translation>
    </message>
    <message>
        <source>The network: each circle is a neuron, each line a weight. After training, red lines are positive weights, blue lines negative, thicker = larger |w|.</source>
        <translation>Le réseau : chaque cercle est un neurone, chaque trait un poids. Après l'entraînement, les traits rouges sont des poids positifs, les bleus des poids négatifs, plus épais = |w| plus grand.</translation>
    </message>
    <message>
        <source>No network yet</source>
        <translation>Pas encore de réseau</translation>
    </message>
    <message>
        <source>Untrained: links are shown plain. Train to colour them by weight.</source>
        <translation>Non entraîné : les liens sont neutres. Entraînez le réseau pour les colorer selon les poids.</translation>
    </message>
    <message>
        <source>positive weight</source>
        <translation>poids positif</translation>
    </message>
    <message>
        <source>negative weight</source>
        <translation>poids négatif</translation>
    </message>
    <message>
        <source>thickness = |w| (relative to the layer's largest)</source>
        <translation>épaisseur = |w| (par rapport au plus grand de la couche)</translation>
    </message>
</context>
<context>
    <name>gui.widgets.prediction_bars</name>
    <message>
        <source>{name} — {probability:.0%} sure</source>
        <translation>{name} — sûr à {probability:.0%}</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Dessinez un chiffre</translation>
    </message>
    <message>
        <source>The class with the highest probability, and that probability</source>
        <translation>La classe la plus probable, et sa probabilité</translation>
    </message>
    <message>
        <source>Softmax output: p_k = e^(z_k) / Σ_j e^(z_j), one bar per class; they add up to 100%.</source>
        <translation>Sortie du softmax : p_k = e^(z_k) / Σ_j e^(z_j), une barre par classe ; leur somme fait 100 %.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.regularisation_controls</name>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tout</translation>
    </message>
    <message>
        <source>all ({available:,})</source>
        <translation>tout ({available:,})</translation>
    </message>
    <message>
        <source>L1 penalty λ₁·Σ|W|: adds λ₁ times the sum of the absolute weights to the loss.
Its gradient λ₁·sign(W) pushes every weight towards 0 by the same amount, so many become exactly 0.
Log scale from 1e-6 to 10; far left = off. Biases are not penalised.</source>
        <translation>Pénalité L1 λ₁·Σ|W| : ajoute à la perte λ₁ fois la somme des valeurs absolues des poids.
Son gradient λ₁·sign(W) pousse chaque poids vers 0 de la même quantité, si bien que beaucoup deviennent exactement 0.
Échelle logarithmique de 1e-6 à 10 ; tout à gauche = désactivé. Les biais ne sont pas pénalisés.</translation>
    </message>
    <message>
        <source>L2 penalty λ·ΣW²: adds λ times the sum of the squared weights to the loss (weight decay).
Its gradient 2λ·W shrinks large weights most, so the network prefers many small weights.
Log scale from 1e-6 to 10; far left = off. Biases are not penalised.</source>
        <translation>Pénalité L2 λ·ΣW² : ajoute à la perte λ fois la somme des carrés des poids (« weight decay »).
Son gradient 2λ·W réduit surtout les grands poids, si bien que le réseau préfère beaucoup de petits poids.
Échelle logarithmique de 1e-6 à 10 ; tout à gauche = désactivé. Les biais ne sont pas pénalisés.</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> époques</translation>
    </message>
    <message>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs,
then restore the weights of the best epoch. 0 = off (train all epochs).</source>
        <translation>Arrêt précoce : arrête l'entraînement quand la perte de validation ne s'est pas améliorée pendant ce nombre d'époques,
puis restaure les poids de la meilleure époque. 0 = désactivé (entraîne toutes les époques).</translation>
    </message>
    <message>
        <source>Train on only the first N training images. Few images (100, 200) with a big network
make it overfit quickly: it memorises them. Validation and test sets stay whole.</source>
        <translation>N'entraîne que sur les N premières images d'entraînement. Peu d'images (100, 200) avec un grand réseau
conduisent vite au surapprentissage : il les mémorise. Les jeux de validation et de test restent entiers.</translation>
    </message>
    <message>
        <source>L1 penalty λ₁·Σ|W|</source>
        <translation>Pénalité L1 λ₁·Σ|W|</translation>
    </message>
    <message>
        <source>L2 penalty λ·ΣW²</source>
        <translation>Pénalité L2 λ·ΣW²</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>Patience de l'arrêt précoce</translation>
    </message>
    <message>
        <source>Training set size</source>
        <translation>Taille du jeu d'entraînement</translation>
    </message>
</context>
<context>
    <name>gui.widgets.results_view</name>
    <message>
        <source>Train a network to see its test results</source>
        <translation>Entraînez un réseau pour voir ses résultats de test</translation>
    </message>
    <message>
        <source>R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is a perfect fit, 0 is no better than always predicting the mean of the test targets.</source>
        <translation>R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² : 1 est un ajustement parfait, 0 ne fait pas mieux que de toujours prédire la moyenne des cibles de test.</translation>
    </message>
    <message>
        <source>Test accuracy —</source>
        <translation>Exactitude en test —</translation>
    </message>
    <message>
        <source>Test accuracy {percent:.1f} %</source>
        <translation>Exactitude en test {percent:.1f} %</translation>
    </message>
    <message>
        <source>Test {metric} —</source>
        <translation>{metric} en test —</translation>
    </message>
    <message>
        <source>Test {metric} {value:.2f}</source>
        <translation>{metric} en test {value:.2f}</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} époque</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} époques</translation>
    </message>
    <message>
        <source>Training completed after {epochs} ({steps:,} steps).</source>
        <translation>Entraînement terminé après {epochs} ({steps:,} étapes).</translation>
    </message>
    <message>
        <source>Stopped early after {epochs}: the weights of epoch {best}, where the validation loss was lowest, were restored.</source>
        <translation>Arrêt précoce après {epochs} : les poids de l'époque {best}, où la perte de validation était la plus basse, ont été restaurés.</translation>
    </message>
    <message>
        <source>Training diverged at step {steps:,}; these figures are for the last good weights.</source>
        <translation>L'entraînement a divergé à l'étape {steps:,} ; ces chiffres correspondent aux derniers poids valides.</translation>
    </message>
    <message>
        <source>Stopped after {steps:,} steps ({epochs} completed).</source>
        <translation>Arrêté après {steps:,} étapes ({epochs} au complet).</translation>
    </message>
    <message>
        <source>Finished after {steps:,} steps.</source>
        <translation>Terminé après {steps:,} étapes.</translation>
    </message>
    <message>
        <source>true {true} → predicted {predicted}</source>
        <translation>vrai {true} → prédit {predicted}</translation>
    </message>
    <message>
        <source>The network's score on test data it never saw during training</source>
        <translation>Le score du réseau sur des données de test qu'il n'a jamais vues pendant l'entraînement</translation>
    </message>
    <message>
        <source>How the run ended and the loss on the test set</source>
        <translation>Comment l'entraînement s'est terminé, et la perte sur le jeu de test</translation>
    </message>
    <message>
        <source>{outcome} Test loss {loss:.4g} on {count:,} test examples.</source>
        <translation>{outcome} Perte en test {loss:.4g} sur {count:,} exemples de test.</translation>
    </message>
    <message>
        <source>{wrong:,} test points were misclassified; the decision boundary view shows where they lie.</source>
        <translation>{wrong:,} points de test ont été mal classés ; la vue de la frontière de décision montre où ils se trouvent.</translation>
    </message>
    <message>
        <source>No test image was misclassified.</source>
        <translation>Aucune image de test n'a été mal classée.</translation>
    </message>
    <message>
        <source>Misclassified test images: {shown} of {wrong:,}</source>
        <translation>Images de test mal classées : {shown} sur {wrong:,}</translation>
    </message>
    <message>
        <source>All {wrong:,} misclassified test images</source>
        <translation>Les {wrong:,} images de test mal classées</translation>
    </message>
    <message>
        <source>Test image {index:,}: {caption}</source>
        <translation>Image de test {index:,} : {caption}</translation>
    </message>
    <message>
        <source>Test images the network got wrong, with the true and the predicted class</source>
        <translation>Les images de test sur lesquelles le réseau s'est trompé, avec la classe réelle et la classe prédite</translation>
    </message>
    <message>
        <source>Confusion matrix (diagonal = correct)</source>
        <translation>Matrice de confusion (diagonale = correct)</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>classe réelle</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>classe prédite</translation>
    </message>
    <message>
        <source>Each cell counts the test examples of one true class (row) that the network gave one predicted class (column). The colour is the share of that row; the outlined diagonal holds the correct answers.</source>
        <translation>Chaque case compte les exemples de test d'une classe réelle (ligne) auxquels le réseau a attribué une classe prédite (colonne). La couleur est la part de cette ligne ; la diagonale encadrée contient les bonnes réponses.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.terrain_caveman</name>
    <message>
        <source>The caveman's days</source>
        <translation>Les journées de l'homme des cavernes</translation>
    </message>
    <message>
        <source>potatoes eaten</source>
        <translation>pommes de terre mangées</translation>
    </message>
    <message>
        <source>apples collected</source>
        <translation>pommes ramassées</translation>
    </message>
    <message>
        <source>Orange: the three days. Blue: the line w·x + b. Red dashes: the errors that the MSE squares and averages.</source>
        <translation>Orange : les trois journées. Bleu : la droite w·x + b. Tirets rouges : les erreurs que la MSE élève au carré puis moyenne.</translation>
    </message>
    <message>
        <source>Loss terrain: MSE over (w, b)</source>
        <translation>Paysage de la perte : MSE selon (w, b)</translation>
    </message>
    <message>
        <source>w (slope)</source>
        <translation>w (pente)</translation>
    </message>
    <message>
        <source>b (intercept)</source>
        <translation>b (ordonnée à l'origine)</translation>
    </message>
    <message>
        <source>Every point of this map is one line; its colour is that line's error. Click to choose w and b; the white star is the best line.</source>
        <translation>Chaque point de cette carte est une droite ; sa couleur est l'erreur de cette droite. Cliquez pour choisir w et b ; l'étoile blanche est la meilleure droite.</translation>
    </message>
    <message>
        <source>{name}: each step uses the gradient of that many points of the 60 noisy days.</source>
        <translation>{name} : chaque pas utilise le gradient de ce nombre de points parmi les 60 journées bruitées.</translation>
    </message>
    <message>
        <source>w: how many apples each potato is worth (the slope).</source>
        <translation>w : combien de pommes vaut chaque pomme de terre (la pente).</translation>
    </message>
    <message>
        <source>b: apples collected on a day without potatoes (the intercept).</source>
        <translation>b : pommes ramassées un jour sans pommes de terre (l'ordonnée à l'origine).</translation>
    </message>
    <message>
        <source>The current slope w.</source>
        <translation>La pente actuelle w.</translation>
    </message>
    <message>
        <source>The current intercept b.</source>
        <translation>L'ordonnée à l'origine actuelle b.</translation>
    </message>
    <message>
        <source>Mean squared error of the current line on the three days.</source>
        <translation>Erreur quadratique moyenne de la droite actuelle sur les trois journées.</translation>
    </message>
    <message>
        <source>Learning rate: each step moves w and b by −learning rate × their gradient.</source>
        <translation>Taux d'apprentissage : chaque pas déplace w et b de −taux d'apprentissage × leur gradient.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Un pas</translation>
    </message>
    <message>
        <source>One gradient-descent step: w and b move together.</source>
        <translation>Un pas de descente de gradient : w et b bougent ensemble.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Let gradient descent find the best line; press again to pause.</source>
        <translation>Laisser la descente de gradient trouver la meilleure droite ; appuyez de nouveau pour mettre en pause.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Back to the caveman's first guess.</source>
        <translation>Revenir à la première estimation de l'homme des cavernes.</translation>
    </message>
    <message>
        <source>Play speed: steps per frame (25 frames a second).</source>
        <translation>Vitesse : pas par image (25 images par seconde).</translation>
    </message>
    <message>
        <source>The arithmetic of the last step, for w and for b.</source>
        <translation>Le calcul du dernier pas, pour w et pour b.</translation>
    </message>
    <message>
        <source>How the descent is going.</source>
        <translation>Où en est la descente.</translation>
    </message>
    <message>
        <source>Learning rate for the three paths below.</source>
        <translation>Taux d'apprentissage des trois trajectoires ci-dessous.</translation>
    </message>
    <message>
        <source>How many steps each path takes (the same for all three).</source>
        <translation>Nombre de pas de chaque trajectoire (le même pour les trois).</translation>
    </message>
    <message>
        <source>Random seed for the order of the points (change it to see other noise).</source>
        <translation>Graine aléatoire pour l'ordre des points (changez-la pour voir un autre bruit).</translation>
    </message>
    <message>
        <source>Run batch vs stochastic</source>
        <translation>Comparer lot et stochastique</translation>
    </message>
    <message>
        <source>Draw the three paths again with these settings.</source>
        <translation>Redessiner les trois trajectoires avec ces réglages.</translation>
    </message>
    <message>
        <source>Find the best line</source>
        <translation>Trouver la meilleure droite</translation>
    </message>
    <message>
        <source>1. By hand: drag w and b</source>
        <translation>1. À la main : faites glisser w et b</translation>
    </message>
    <message>
        <source>2. Let gradient descent do it</source>
        <translation>2. Laissez faire la descente de gradient</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d'apprentissage</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <source>Noisy data (60 days)</source>
        <translation>Données bruitées (60 journées)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>graine</translation>
    </message>
    <message>
        <source>Final loss of each path on the noisy data.</source>
        <translation>Perte finale de chaque trajectoire sur les données bruitées.</translation>
    </message>
    <message>
        <source>{name}: loss {loss}</source>
        <translation>{name} : perte {loss}</translation>
    </message>
    <message>
        <source>Press Step or Play (lr = {rate}).</source>
        <translation>Appuyez sur « Un pas » ou « Lancer » (lr = {rate}).</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>gui.widgets.terrain_game</name>
    <message>
        <source>No ground here: the formula has no value at this x.</source>
        <translation>Pas de sol ici : la formule n'a pas de valeur en ce x.</translation>
    </message>
    <message>
        <source>Which way to go?</source>
        <translation>Par où aller ?</translation>
    </message>
    <message>
        <source>The mist hides the valley. The arrow shows the slope under your feet and points uphill. Which way should you jump: left or right?</source>
        <translation>La brume cache la vallée. La flèche montre la pente sous vos pieds et pointe vers la montée. De quel côté faut-il sauter : à gauche ou à droite ?</translation>
    </message>
    <message>
        <source>Right: go against the slope. Here the slope is negative (the ground falls to the right), and gradient descent moves by −lr × slope, so a negative slope means a step to the right.</source>
        <translation>À droite : allez à l'opposé de la pente. Ici la pente est négative (le sol descend vers la droite), et la descente de gradient se déplace de −lr × pente ; une pente négative donne donc un pas vers la droite.</translation>
    </message>
    <message>
        <source>What does a flat slope mean?</source>
        <translation>Que signifie une pente nulle ?</translation>
    </message>
    <message>
        <source>Press Step a few times. The slope is almost zero. Have you arrived?</source>
        <translation>Appuyez plusieurs fois sur « Un pas ». La pente est presque nulle. Êtes-vous arrivé ?</translation>
    </message>
    <message>
        <source>No. A zero slope only says the ground is flat here: a valley bottom, a hilltop, a saddle or, as here, a plateau. Each step is −lr × slope, so on a plateau the creature crawls. Press Reveal.</source>
        <translation>Non. Une pente nulle dit seulement que le sol est plat ici : un fond de vallée, un sommet, un point col ou, comme ici, un plateau. Chaque pas vaut −lr × pente, donc sur un plateau la créature avance au ralenti. Appuyez sur « Révéler le terrain ».</translation>
    </message>
    <message>
        <source>What does a big step do?</source>
        <translation>Que fait un grand pas ?</translation>
    </message>
    <message>
        <source>The learning rate is 1.05. Press Step several times and watch the trail. What happens?</source>
        <translation>Le taux d'apprentissage vaut 1.05. Appuyez plusieurs fois sur « Un pas » et observez la trace. Que se passe-t-il ?</translation>
    </message>
    <message>
        <source>Each step jumps over the valley and lands higher on the other side: the steps grow and the run diverges. On this bowl (curvature L = 2), lr = 1 = 2/L bounces forever and lr = 0.5 = 1/L lands on the bottom in one step.</source>
        <translation>Chaque pas saute par-dessus la vallée et atterrit plus haut de l'autre côté : les pas grandissent et la descente diverge. Sur cette cuvette (courbure L = 2), lr = 1 = 2/L rebondit indéfiniment et lr = 0.5 = 1/L atterrit au fond en un seul pas.</translation>
    </message>
    <message>
        <source>Can you end at a local maximum?</source>
        <translation>Peut-on finir sur un maximum local ?</translation>
    </message>
    <message>
        <source>The creature stands exactly on the hilltop. Press Step. Then click a little to one side and step.</source>
        <translation>La créature se tient exactement au sommet de la colline. Appuyez sur « Un pas ». Puis cliquez un peu à côté et refaites un pas.</translation>
    </message>
    <message>
        <source>Barely: only if you start exactly on top, where the slope is exactly zero, so −lr × slope = 0 and you never move. The slightest nudge and you roll away into a valley.</source>
        <translation>À peine : seulement si vous partez exactement du sommet, où la pente est exactement nulle ; alors −lr × pente = 0 et vous ne bougez jamais. Au moindre écart, vous roulez dans une vallée.</translation>
    </message>
    <message>
        <source>Can you get stuck at the saddle?</source>
        <translation>Peut-on rester bloqué au point col ?</translation>
    </message>
    <message>
        <source>Play with lr = 0.1 from x = −1. Where does the creature stop? Then Reset and try lr = 0.4.</source>
        <translation>Jouez avec lr = 0.1 depuis x = −1. Où la créature s'arrête-t-elle ? Puis appuyez sur « Réinitialiser » et essayez lr = 0.4.</translation>
    </message>
    <message>
        <source>Yes. The slope fades to zero on the flat shoulder at x = 0, so the steps shrink to nothing and the creature stops although this is not a minimum. With lr = 0.4 the first step is big enough to carry it over the shoulder into the valley at x = 2.</source>
        <translation>Oui. La pente s'annule sur l'épaulement plat en x = 0, donc les pas se réduisent à rien et la créature s'arrête alors que ce n'est pas un minimum. Avec lr = 0.4, le premier pas est assez grand pour la porter au-delà de l'épaulement, dans la vallée en x = 2.</translation>
    </message>
    <message>
        <source>Click the map to place the creature.  Keys: ← → jump (manual mode), Space step, P play/pause, R reset.</source>
        <translation>Cliquez sur la carte pour placer la créature.  Touches : ← → sauter (mode manuel), Espace un pas, P lancer/pause, R réinitialiser.</translation>
    </message>
    <message>
        <source>On this bowl f(x) = (x − 1)² the curvature is L = 2. lr = 0.5 = 1/L reaches the bottom in one step (Goldilocks); lr = 1 = 2/L bounces between two points forever; above 1 it diverges; small rates converge, but slowly.</source>
        <translation>Sur cette cuvette f(x) = (x − 1)², la courbure vaut L = 2. lr = 0.5 = 1/L atteint le fond en un pas (Boucle d'or : juste ce qu'il faut) ; lr = 1 = 2/L rebondit indéfiniment entre deux points ; au-dessus de 1, la descente diverge ; les petits taux convergent, mais lentement.</translation>
    </message>
    <message>
        <source>Click anywhere on the map to put the creature there.</source>
        <translation>Cliquez n'importe où sur la carte pour y placer la créature.</translation>
    </message>
    <message>
        <source>x (where the creature stands)</source>
        <translation>x (position de la créature)</translation>
    </message>
    <message>
        <source>height f(x)</source>
        <translation>hauteur f(x)</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>Votre formule</translation>
    </message>
    <message>
        <source>Terrain levels from the lecture: choose the ground the creature lives on, or 'Your formula' to use the one typed below.</source>
        <translation>Les niveaux de terrain du cours : choisissez le sol où vit la créature, ou « Votre formule » pour utiliser celle tapée ci-dessous.</translation>
    </message>
    <message>
        <source>type a terrain, e.g. x**4 - 3*x**2 + x</source>
        <translation>tapez un terrain, par ex. x**4 - 3*x**2 + x</translation>
    </message>
    <message>
        <source>Your own terrain f(x): numbers, x, + − * / ** (or ^), brackets and sin cos exp log sqrt abs tanh. Press Enter to use it.</source>
        <translation>Votre propre terrain f(x) : nombres, x, + − * / ** (ou ^), parenthèses et sin cos exp log sqrt abs tanh. Appuyez sur Entrée pour l'utiliser.</translation>
    </message>
    <message>
        <source>Use formula</source>
        <translation>Utiliser la formule</translation>
    </message>
    <message>
        <source>Build the terrain from the formula you typed; its slope comes from the formula itself.</source>
        <translation>Construire le terrain à partir de la formule tapée ; sa pente vient de la formule elle-même.</translation>
    </message>
    <message>
        <source>Why the formula could not be used.</source>
        <translation>Pourquoi la formule n'a pas pu être utilisée.</translation>
    </message>
    <message>
        <source>Reveal terrain</source>
        <translation>Révéler le terrain</translation>
    </message>
    <message>
        <source>Lift the mist and show the whole terrain (the creature normally sees only the ground near its feet).</source>
        <translation>Lever la brume et montrer tout le terrain (normalement, la créature ne voit que le sol près de ses pieds).</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>You decide: jump left or right by the step size (keys ← and →).</source>
        <translation>Vous décidez : sautez à gauche ou à droite de la taille du pas (touches ← et →).</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>Descente de gradient</translation>
    </message>
    <message>
        <source>The rule decides: each step moves by −learning rate × slope.</source>
        <translation>La règle décide : chaque pas déplace de −taux d'apprentissage × pente.</translation>
    </message>
    <message>
        <source>How far one manual jump goes.</source>
        <translation>La longueur d'un saut manuel.</translation>
    </message>
    <message>
        <source>◀ Left</source>
        <translation>◀ Gauche</translation>
    </message>
    <message>
        <source>Jump left by the step size (key ←).</source>
        <translation>Sauter à gauche de la taille du pas (touche ←).</translation>
    </message>
    <message>
        <source>Right ▶</source>
        <translation>Droite ▶</translation>
    </message>
    <message>
        <source>Jump right by the step size (key →).</source>
        <translation>Sauter à droite de la taille du pas (touche →).</translation>
    </message>
    <message>
        <source>Learning rate: the step is −learning rate × slope.</source>
        <translation>Taux d'apprentissage : le pas vaut −taux d'apprentissage × pente.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Un pas</translation>
    </message>
    <message>
        <source>One gradient-descent step (key Space).</source>
        <translation>Un pas de descente de gradient (touche Espace).</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Take steps one after another; press again to pause (key P).</source>
        <translation>Faire des pas les uns après les autres ; appuyez de nouveau pour mettre en pause (touche P).</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Back to the start: clear the trail and the step counter (key R).</source>
        <translation>Retour au départ : efface la trace et le compteur de pas (touche R).</translation>
    </message>
    <message>
        <source>Play speed: steps per second.</source>
        <translation>Vitesse : pas par seconde.</translation>
    </message>
    <message>
        <source>The slope f'(x) under the creature's feet: all it can feel.</source>
        <translation>La pente f'(x) sous les pieds de la créature : tout ce qu'elle peut sentir.</translation>
    </message>
    <message>
        <source>How many moves the creature has made since the start.</source>
        <translation>Le nombre de déplacements de la créature depuis le départ.</translation>
    </message>
    <message>
        <source>The arithmetic of the last move.</source>
        <translation>Le calcul du dernier déplacement.</translation>
    </message>
    <message>
        <source>How the run is going: converged, oscillating, diverged or still going.</source>
        <translation>Où en est la descente : convergée, oscillante, divergente ou encore en cours.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts of the game (click the map first).</source>
        <translation>Raccourcis clavier du jeu (cliquez d'abord sur la carte).</translation>
    </message>
    <message>
        <source>How many creatures to drop at random places.</source>
        <translation>Le nombre de créatures à lâcher au hasard.</translation>
    </message>
    <message>
        <source>Random restarts</source>
        <translation>Départs aléatoires</translation>
    </message>
    <message>
        <source>Drop several creatures at random places; each runs gradient descent with the current learning rate. Colours show where each ended.</source>
        <translation>Lâcher plusieurs créatures à des endroits au hasard ; chacune fait une descente de gradient avec le taux d'apprentissage actuel. Les couleurs montrent où chacune a fini.</translation>
    </message>
    <message>
        <source>Where the creatures ended: green = global minimum, blue = local minimum, red = hilltop, grey = flat ground.</source>
        <translation>Où les créatures ont fini : vert = minimum global, bleu = minimum local, rouge = sommet, gris = sol plat.</translation>
    </message>
    <message>
        <source>The lecture's questions, each set up on the right terrain.</source>
        <translation>Les questions du cours, chacune préparée sur le bon terrain.</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Préparer</translation>
    </message>
    <message>
        <source>Put the creature where the question starts.</source>
        <translation>Placer la créature au point de départ de la question.</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>Voir la réponse</translation>
    </message>
    <message>
        <source>Play first, then see the answer.</source>
        <translation>Jouez d'abord, puis voyez la réponse.</translation>
    </message>
    <message>
        <source>Choose a question and press Set up.</source>
        <translation>Choisissez une question et appuyez sur « Préparer ».</translation>
    </message>
    <message>
        <source>The question, and after playing, the answer.</source>
        <translation>La question, puis, après avoir joué, la réponse.</translation>
    </message>
    <message>
        <source>My lr</source>
        <translation>Mon lr</translation>
    </message>
    <message>
        <source>Run the bowl with the learning rate set above (find the Goldilocks rate).</source>
        <translation>Parcourir la cuvette avec le taux d'apprentissage réglé plus haut (trouvez le taux « Boucle d'or », juste comme il faut).</translation>
    </message>
    <message>
        <source>Goldilocks?</source>
        <translation>Boucle d'or ?</translation>
    </message>
    <message>
        <source>Show which learning rate is just right on this bowl, and why.</source>
        <translation>Montrer quel taux d'apprentissage est juste comme il faut sur cette cuvette, et pourquoi.</translation>
    </message>
    <message>
        <source>Press a learning rate: the creature runs the bowl from x = −2 to the end, and the steps are counted here.</source>
        <translation>Choisissez un taux d'apprentissage : la créature parcourt la cuvette depuis x = −2 jusqu'au bout, et les pas sont comptés ici.</translation>
    </message>
    <message>
        <source>Steps to the bottom for each learning rate you tried.</source>
        <translation>Le nombre de pas jusqu'au fond pour chaque taux d'apprentissage essayé.</translation>
    </message>
    <message>
        <source>Run the bowl from x = −2 with learning rate {rate} to the end and count the steps.</source>
        <translation>Parcourir la cuvette depuis x = −2 jusqu'au bout avec le taux d'apprentissage {rate} et compter les pas.</translation>
    </message>
    <message>
        <source>lr {rate}</source>
        <translation>lr {rate}</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>Terrain</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacement</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>taille du pas</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d'apprentissage</translation>
    </message>
    <message>
        <source>What the creature knows</source>
        <translation>Ce que sait la créature</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Défis</translation>
    </message>
    <message>
        <source>Learning-rate exercise (bowl)</source>
        <translation>Exercice sur le taux d'apprentissage (cuvette)</translation>
    </message>
    <message>
        <source>{name}:  f(x) = {formula}</source>
        <translation>{name} :  f(x) = {formula}</translation>
    </message>
    <message>
        <source>lr {rate}: {outcome}</source>
        <translation>lr {rate} : {outcome}</translation>
    </message>
    <message>
        <source>{question}

Play first: make a move, then look again.</source>
        <translation>{question}

Jouez d'abord : faites un déplacement, puis revenez voir.</translation>
    </message>
    <message>
        <source>{question}

Answer: {answer}</source>
        <translation>{question}

Réponse : {answer}</translation>
    </message>
    <message>
        <source>Steps: {steps}    x = {x}    f(x) = {height}</source>
        <translation>Pas : {steps}    x = {x}    f(x) = {height}</translation>
    </message>
    <message>
        <source>Mist: the creature sees only the ground near its feet</source>
        <translation>Brume : la créature ne voit que le sol près de ses pieds</translation>
    </message>
    <message>
        <source>slope {slope}</source>
        <translation>pente {slope}</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>plat</translation>
    </message>
    <message>
        <source>Manual mode: you choose the direction and the size of each jump.</source>
        <translation>Mode manuel : vous choisissez la direction et la taille de chaque saut.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>{count} creatures: {summary}.</source>
        <translation>{count} créatures : {summary}.</translation>
    </message>
</context>
<context>
    <name>gui.widgets.terrain_race</name>
    <message>
        <source>−velocity</source>
        <translation>−vitesse</translation>
    </message>
    <message>
        <source>Click on the map to choose where every optimizer starts.</source>
        <translation>Cliquez sur la carte pour choisir le point de départ de tous les optimiseurs.</translation>
    </message>
    <message>
        <source>−gradient</source>
        <translation>−gradient</translation>
    </message>
    <message>
        <source>velocity</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <source>update</source>
        <translation>mise à jour</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>Votre formule</translation>
    </message>
    <message>
        <source>Loss surfaces: a round bowl, an elongated ravine, the Rosenbrock banana, a saddle, several minima, or 'Your formula' typed below.</source>
        <translation>Surfaces de perte : une cuvette ronde, un ravin allongé, la banane de Rosenbrock, un point col, plusieurs minima, ou « Votre formule » tapée ci-dessous.</translation>
    </message>
    <message>
        <source>your surface, e.g. x**2 + 3*y**2</source>
        <translation>votre surface, par ex. x**2 + 3*y**2</translation>
    </message>
    <message>
        <source>Type f(x, y) with numbers, x, y, + − * / **, brackets and sin cos exp log sqrt abs tanh; press Enter. The gradient comes from the formula.</source>
        <translation>Tapez f(x, y) avec des nombres, x, y, + − * / **, des parenthèses et sin cos exp log sqrt abs tanh ; appuyez sur Entrée. Le gradient vient de la formule.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Build the surface from your formula.</source>
        <translation>Construire la surface à partir de votre formule.</translation>
    </message>
    <message>
        <source>Why the formula could not be used.</source>
        <translation>Pourquoi la formule n'a pas pu être utilisée.</translation>
    </message>
    <message>
        <source>How {name} is doing: outcome, steps and loss.</source>
        <translation>Où en est {name} : résultat, pas et perte.</translation>
    </message>
    <message>
        <source>Let {name} take part in the race.</source>
        <translation>Faire participer {name} à la course.</translation>
    </message>
    <message>
        <source>{name}'s own learning rate.</source>
        <translation>Le taux d'apprentissage propre à {name}.</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Lancer la course</translation>
    </message>
    <message>
        <source>Start (or pause) the race: every optimizer steps at once.</source>
        <translation>Lancer (ou mettre en pause) la course : tous les optimiseurs font un pas en même temps.</translation>
    </message>
    <message>
        <source>Step all</source>
        <translation>Un pas pour tous</translation>
    </message>
    <message>
        <source>One step for every optimizer.</source>
        <translation>Un pas pour chaque optimiseur.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Everyone back to the start.</source>
        <translation>Tout le monde revient au départ.</translation>
    </message>
    <message>
        <source>Race speed: steps per frame for every optimizer.</source>
        <translation>Vitesse de la course : pas par image pour chaque optimiseur.</translation>
    </message>
    <message>
        <source>The optimizer whose next step is explained with numbers and arrows.</source>
        <translation>L'optimiseur dont le prochain pas est expliqué avec des nombres et des flèches.</translation>
    </message>
    <message>
        <source>Explain one step</source>
        <translation>Expliquer un pas</translation>
    </message>
    <message>
        <source>Advance only this optimizer by one step and show its gradient, velocity and update with numbers.</source>
        <translation>Avancer seulement cet optimiseur d'un pas et montrer son gradient, sa vitesse et sa mise à jour avec des nombres.</translation>
    </message>
    <message>
        <source>The arithmetic of the explained step.</source>
        <translation>Le calcul du pas expliqué.</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Surface</translation>
    </message>
    <message>
        <source>Optimizer race (learning rate each)</source>
        <translation>Course d'optimiseurs (taux d'apprentissage de chacun)</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>Pas à pas</translation>
    </message>
    <message>
        <source>{name}:  f = {formula}</source>
        <translation>{name} :  f = {formula}</translation>
    </message>
    <message>
        <source>{name} is not racing.</source>
        <translation>{name} ne participe pas à la course.</translation>
    </message>
    <message>
        <source>{name} has finished: {message}</source>
        <translation>{name} a terminé : {message}</translation>
    </message>
    <message>
        <source>point {before} → {after}</source>
        <translation>point {before} → {after}</translation>
    </message>
    <message>
        <source>loss {before} → {after}</source>
        <translation>perte {before} → {after}</translation>
    </message>
    <message>
        <source>{name}: not racing</source>
        <translation>{name} : hors course</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>gui.widgets.weight_heatmap</name>
    <message>
        <source>The weights appear here when training starts.</source>
        <translation>Les poids apparaissent ici quand l'entraînement commence.</translation>
    </message>
    <message>
        <source>Layer {index} (output): W{index} {rows}×{columns}</source>
        <translation>Couche {index} (sortie) : W{index} {rows}×{columns}</translation>
    </message>
    <message>
        <source>Layer {index}: W{index} {rows}×{columns}</source>
        <translation>Couche {index} : W{index} {rows}×{columns}</translation>
    </message>
    <message>
        <source>(first {shown} of {total} neurons, one 28×28 tile each)</source>
        <translation>({shown} premiers neurones sur {total}, une tuile 28×28 chacun)</translation>
    </message>
    <message>
        <source>(one 28×28 tile per neuron)</source>
        <translation>(une tuile 28×28 par neurone)</translation>
    </message>
    <message>
        <source>Which training step the pictures show, or why a frame was skipped</source>
        <translation>L'étape d'entraînement que montrent les cartes de chaleur, ou pourquoi une mise à jour a été ignorée</translation>
    </message>
    <message>
        <source>Blue = negative weight, white = 0, red = positive. Each layer has its own colour scale ±L, a round number just above max|w|. The column b beside each layer holds the bias of each neuron, on the same scale: z = W·x + b.</source>
        <translation>Bleu = poids négatif, blanc = 0, rouge = positif. Chaque couche a sa propre échelle de couleurs ±L, un nombre rond juste au-dessus de max|w|. La colonne b à côté de chaque couche contient le biais de chaque neurone, sur la même échelle : z = W·x + b.</translation>
    </message>
    <message>
        <source>Step {step:,}: non-finite weights (NaN or ∞), so this frame was skipped; the pictures show the last good weights.</source>
        <translation>Étape {step:,} : poids non finis (NaN ou ∞), cette mise à jour a donc été ignorée ; les cartes montrent les derniers poids valides.</translation>
    </message>
    <message>
        <source>Weights after step {step:,}</source>
        <translation>Poids après l'étape {step:,}</translation>
    </message>
    <message>
        <source>neuron (row)</source>
        <translation>neurone (ligne)</translation>
    </message>
    <message>
        <source>input (column)</source>
        <translation>entrée (colonne)</translation>
    </message>
    <message>
        <source>weight w and bias b</source>
        <translation>poids w et biais b</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>neurone</translation>
    </message>
    <message>
        <source>Gradient norm per layer ‖∂L/∂W‖</source>
        <translation>Norme du gradient par couche ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>étape d'entraînement</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖ (échelle log)</translation>
    </message>
    <message>
        <source>How strongly the loss pulls on each layer's weights: the L2 norm of its gradient, ‖∂L/∂W‖ = √(Σ (∂L/∂w)²). Layers near the input with much smaller norms learn slowly (vanishing gradients).</source>
        <translation>La force avec laquelle la perte tire sur les poids de chaque couche : la norme L2 de son gradient, ‖∂L/∂W‖ = √(Σ (∂L/∂w)²). Les couches proches de l'entrée dont la norme est bien plus petite apprennent lentement (disparition du gradient).</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>couche de sortie</translation>
    </message>
    <message>
        <source>layer {index}</source>
        <translation>couche {index}</translation>
    </message>
</context>
</TS>