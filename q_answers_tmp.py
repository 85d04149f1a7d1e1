import pickle, sys, time, logging
logging.disable(logging.WARNING)
from kg.build import build_graph
from kg.query.ladybug_engine import get_ladybug_engine
from kg.query.ask import Asker
which = sys.argv[1]
path = {'corpus': '/work/shared/corpus', 'extra': '/work/shared/corpus-extra'}[which]
t = time.time()
g = build_graph([path])
print('built', which, round(time.time() - t, 1), 's', g.number_of_nodes(), 'nodes', flush=True)
pickle.dump(g, open(f'/tmp/q_{which}.pickle', 'wb'))
a = Asker(get_ladybug_engine(g))
for q in sys.argv[2:]:
    ans = a.ask(q)
    print('Q:', q)
    print('  ', ans.understood)
    if ans.unused: print('   未能使用：' + '；'.join(ans.unused))
    print('  ', ans.summary[:300])
    for r in ans.result.rows[:4]:
        print('     ', [str(x)[:60] for x in r])
