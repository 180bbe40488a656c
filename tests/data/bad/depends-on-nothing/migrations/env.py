# env.py is not run by the commands these cases use
